using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Extensions;
using Microsoft.Kiota.Abstractions.Helpers;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Rsspot.Serialization;

/// <summary>
/// Fills the generated models of a resource answer straight from the body's bytes, in one forward pass with a
/// <see cref="Utf8JsonReader"/>, through the models' setter tables: no document is built. It reads the plain case
/// only: known fields, strings, numbers, booleans, dates, enums, objects and lists of the shapes the models name, and a
/// root judged as <see cref="AnswerKind"/> judges it; fields the model does not know go to <c>AdditionalData</c> as Kiota
/// stores them when they are scalars. Anything else (an object or list the model does not know; an escaped name; a value of another shape; a null where an object or list goes; a
/// discriminator look-up; a composed or untyped value; a Status; a kind that is refused) gives up, and the caller
/// reads the body with <see cref="SpotJsonParseNode"/> as before, so every such answer ends exactly as it did. The
/// models filled before giving up are new and unshared: dropping them has no effect.
/// </summary>
internal sealed class Utf8ModelNode : IParseNode
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = PooledJsonBody.MaxDepth };

    private readonly ReadOnlyMemory<byte> _json;
    private JsonReaderState _state = new(Options);
    private int _consumed;

    /// <summary>Values read so far: every generated setter reads exactly one.</summary>
    private int _values;

    private Type? _tableType;
    private FieldSetterTable? _table;

    /// <summary>Strings decode as the reader decodes them: invalid UTF-8 throws (and the document reader takes over).</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The value a setter is about to read. Scalars are read by the field loop and handed over by position; an object
    // or list is handed over with the reader's state just after its opening token.
    private bool _pending;
    private JsonTokenType _token;
    private int _valueStart;
    private int _valueEnd;
    private bool _escaped;

    private Utf8ModelNode(ReadOnlyMemory<byte> json) => _json = json;

    /// <inheritdoc />
    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    /// <inheritdoc />
    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    /// <summary>
    /// The model of a successful answer <paramref name="json"/> (valid JSON, already checked), or false when this
    /// reader leaves the answer to <see cref="SpotJsonParseNode"/>.
    /// </summary>
    public static bool TryRead<T>(ReadOnlyMemory<byte> json, ParsableFactory<T> factory, HttpStatusCode status, [NotNullWhen(true)] out T? model)
        where T : IParsable
    {
        model = default;
        if (!AnswerKind.IsResource(typeof(T).Name))
        {
            return false;
        }

        var node = new Utf8ModelNode(json);
        try
        {
            model = node.ReadRoot(factory, status);
            return model is not null;
        }
#pragma warning disable CA1031 // Any failure is left to the document reader, which ends it as before.
        catch (Exception)
#pragma warning restore CA1031
        {
            model = default;
            return false;
        }
    }

    private T ReadRoot<T>(ParsableFactory<T> factory, HttpStatusCode status)
        where T : IParsable
    {
        var r = Reader();
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            throw GiveUp.Instance;
        }

        Save(ref r);
        var item = factory(this);
        if (item is IComposedTypeWrapper)
        {
            throw GiveUp.Instance;
        }

        var root = new RootFields();
        AssignFieldValues(item, ref root);
        if (root.Kind == "Status" || root.Duplicate || root.OtherKind)
        {
            throw GiveUp.Instance;
        }

        AnswerKind.JudgeResource(typeof(T).Name, root.Kind, root.HasItems, root.ApiVersion, status);

        r = Reader();
        if (r.Read())
        {
            throw GiveUp.Instance;
        }

        return item;
    }

    /// <summary>Reads the fields of an object whose opening token has been read, through its closing token.</summary>
    private void AssignFieldValues(IParsable item, ref RootFields root)
    {
        if (OnBeforeAssignFieldValues is not null || OnAfterAssignFieldValues is not null)
        {
            throw GiveUp.Instance;
        }

        IDictionary<string, object>? additionalData = null;
        if (item is IAdditionalDataHolder holder)
        {
            holder.AdditionalData ??= new Dictionary<string, object>();
            additionalData = holder.AdditionalData;
        }

        var type = item.GetType();
        if (!ReferenceEquals(type, _tableType))
        {
            _table = ModelFieldSetters.For(item);
            _tableType = type;
        }

        var table = _table ?? throw GiveUp.Instance;
        var r = Reader();
        while (true)
        {
            r.Read();
            if (r.TokenType == JsonTokenType.EndObject)
            {
                Save(ref r);
                return;
            }

            if (r.ValueIsEscaped)
            {
                throw GiveUp.Instance;
            }

            var name = r.ValueSpan;
            r.Read();
            if (root.Track)
            {
                root.Note(name, ref r);
            }

            if (!table.TryGet(name, out var setter))
            {
                // Kept as Kiota keeps it (scalars only; an object or list here is left to the document reader).
                var value = AdditionalValue(ref r);
                if (additionalData is not null)
                {
                    IDictionaryExtensions.TryAdd(additionalData, StrictUtf8.GetString(name), value!);
                }

                continue;
            }

            if (r.TokenType == JsonTokenType.Null)
            {
                // A known field stays unset.
                continue;
            }

            var before = _values;
            _token = r.TokenType;
            _pending = true;
            if (_token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                Save(ref r);
                setter(item, this);
                r = Reader();
            }
            else
            {
                Hold(ref r);
                setter(item, this);
            }

            if (_pending || _values != before + 1)
            {
                throw GiveUp.Instance;
            }
        }
    }

    /// <summary>Hands the scalar token <paramref name="r"/> has just read to the next getter.</summary>
    private void Hold(ref Utf8JsonReader r)
    {
        _token = r.TokenType;
        _valueStart = _consumed + (int)r.TokenStartIndex;
        _valueEnd = _consumed + (int)r.BytesConsumed;
        _escaped = r.ValueIsEscaped;
        _pending = true;
    }

    /// <summary>What <see cref="AdditionalDataValue"/> stores for a scalar: the same tests in the same order.</summary>
    private static object? AdditionalValue(ref Utf8JsonReader value) => value.TokenType switch
    {
        JsonTokenType.String => AdditionalString(ref value),
        JsonTokenType.Number => value.TryGetDecimal(out var number) ? number : throw GiveUp.Instance,
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.Null => null,
        _ => throw GiveUp.Instance,
    };

    private static object? AdditionalString(ref Utf8JsonReader value)
    {
        if (value.TryGetDateTime(out var dateTime))
        {
            return dateTime;
        }

        if (value.TryGetDateTimeOffset(out var dateTimeOffset))
        {
            return dateTimeOffset;
        }

        return value.TryGetGuid(out var guid) ? guid : value.GetString();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Utf8JsonReader Reader() => new(_json.Span[_consumed..], isFinalBlock: true, _state);

    private void Save(ref Utf8JsonReader reader)
    {
        _consumed += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Takes the held value, which must be a <paramref name="expected"/> token or null; counts it as the setter's value.</summary>
    private bool Take(JsonTokenType expected)
    {
        if (!_pending || (_token != expected && _token != JsonTokenType.Null))
        {
            throw GiveUp.Instance;
        }

        _pending = false;
        _values++;
        return _token != JsonTokenType.Null;
    }

    /// <summary>A reader over the held scalar alone, on it: its conversions are the reader's own.</summary>
    private Utf8JsonReader Scalar()
    {
        var r = new Utf8JsonReader(_json.Span[_valueStart.._valueEnd]);
        r.Read();
        return r;
    }

    /// <inheritdoc />
    public string? GetStringValue()
    {
        if (!Take(JsonTokenType.String))
        {
            return null;
        }

        return _escaped ? Scalar().GetString() : StrictUtf8.GetString(_json.Span[(_valueStart + 1)..(_valueEnd - 1)]);
    }

    /// <inheritdoc />
    public bool? GetBoolValue()
    {
        if (!_pending || _token is not (JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null))
        {
            throw GiveUp.Instance;
        }

        _pending = false;
        _values++;
        return _token == JsonTokenType.Null ? null : _token == JsonTokenType.True;
    }

    /// <inheritdoc />
    public int? GetIntValue() => !Take(JsonTokenType.Number) ? null : Scalar().TryGetInt32(out var value) ? value : throw GiveUp.Instance;

    /// <inheritdoc />
    public long? GetLongValue() => !Take(JsonTokenType.Number) ? null : Scalar().TryGetInt64(out var value) ? value : throw GiveUp.Instance;

    /// <inheritdoc />
    public double? GetDoubleValue() => !Take(JsonTokenType.Number) ? null : Scalar().TryGetDouble(out var value) ? value : throw GiveUp.Instance;

    /// <inheritdoc />
    public float? GetFloatValue() => !Take(JsonTokenType.Number) ? null : Scalar().TryGetSingle(out var value) ? value : throw GiveUp.Instance;

    /// <inheritdoc />
    public decimal? GetDecimalValue() => !Take(JsonTokenType.Number) ? null : Scalar().TryGetDecimal(out var value) ? value : throw GiveUp.Instance;

    /// <inheritdoc />
    public DateTimeOffset? GetDateTimeOffsetValue() =>
        !Take(JsonTokenType.String) ? null : Scalar().TryGetDateTimeOffset(out var value) ? value : throw GiveUp.Instance;

    /// <inheritdoc />
    public Guid? GetGuidValue() =>
        Take(JsonTokenType.String) && Scalar().TryGetGuid(out var value) ? value : throw GiveUp.Instance;

    /// <inheritdoc />
    public T? GetEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum =>
        Take(JsonTokenType.String) ? EnumHelpers.GetEnumValue<T>(GetHeldString()) : throw GiveUp.Instance;

    private string GetHeldString() =>
        _escaped ? Scalar().GetString()! : StrictUtf8.GetString(_json.Span[(_valueStart + 1)..(_valueEnd - 1)]);

    /// <inheritdoc />
    public T GetObjectValue<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        if (typeof(T) == typeof(UntypedNode) || !_pending || _token != JsonTokenType.StartObject)
        {
            throw GiveUp.Instance;
        }

        _pending = false;
        var before = _values;
        var item = ReadObject(factory);
        _values = before + 1;
        return item;
    }

    /// <summary>An object whose opening token has been read.</summary>
    private T ReadObject<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        var item = factory(this);
        if (item is IComposedTypeWrapper)
        {
            throw GiveUp.Instance;
        }

        var root = default(RootFields);
        AssignFieldValues(item, ref root);
        return item;
    }

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        if (!_pending || _token != JsonTokenType.StartArray)
        {
            throw GiveUp.Instance;
        }

        _pending = false;
        var before = _values;
        var items = new List<T>();
        var r = Reader();
        while (r.Read() && r.TokenType == JsonTokenType.StartObject)
        {
            Save(ref r);
            items.Add(ReadObject(factory));
            r = Reader();
        }

        if (r.TokenType != JsonTokenType.EndArray)
        {
            throw GiveUp.Instance;
        }

        Save(ref r);
        _values = before + 1;
        return items;
    }

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfPrimitiveValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
    {
        if (!_pending || _token != JsonTokenType.StartArray)
        {
            throw GiveUp.Instance;
        }

        _pending = false;
        var before = _values;
        var items = new List<T>();
        var r = Reader();
        while (r.Read() && r.TokenType is not (JsonTokenType.EndArray or JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            Hold(ref r);
            items.Add(PrimitiveValue.Read<T>(this));
            if (_pending)
            {
                throw GiveUp.Instance;
            }
        }

        if (r.TokenType != JsonTokenType.EndArray)
        {
            throw GiveUp.Instance;
        }

        Save(ref r);
        _values = before + 1;
        return items;
    }

    /// <inheritdoc />
    public IEnumerable<T?> GetCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => throw GiveUp.Instance;

    /// <inheritdoc />
    public byte? GetByteValue() => throw GiveUp.Instance;

    /// <inheritdoc />
    public sbyte? GetSbyteValue() => throw GiveUp.Instance;

    /// <inheritdoc />
    public TimeSpan? GetTimeSpanValue() => throw GiveUp.Instance;

    /// <inheritdoc />
    public Date? GetDateValue() => throw GiveUp.Instance;

    /// <inheritdoc />
    public Time? GetTimeValue() => throw GiveUp.Instance;

    /// <inheritdoc />
    public byte[]? GetByteArrayValue() => throw GiveUp.Instance;

    /// <inheritdoc />
    public IParseNode? GetChildNode(string identifier) => throw GiveUp.Instance;

    /// <summary>The root object's <c>kind</c>, <c>apiVersion</c> and <c>items</c>, as <see cref="AnswerKind"/> reads them.</summary>
    private struct RootFields()
    {
        public bool Track = true;
        public bool Duplicate;
        public bool OtherKind;
        public string? Kind;
        public string? ApiVersion;
        public bool HasItems;
        private int _flags;

        public void Note(ReadOnlySpan<byte> name, ref Utf8JsonReader value)
        {
            var flag = name.SequenceEqual("kind"u8) ? 1 : name.SequenceEqual("apiVersion"u8) ? 2 : name.SequenceEqual("items"u8) ? 4 : 0;
            if (flag == 0)
            {
                return;
            }

            Duplicate |= (_flags & flag) != 0;
            _flags |= flag;
            switch (flag)
            {
                case 1 when value.TokenType == JsonTokenType.String:
                    Kind = value.GetString();
                    break;
                case 2 when value.TokenType == JsonTokenType.String:
                    ApiVersion = value.GetString();
                    break;
                case 4:
                    HasItems = value.TokenType == JsonTokenType.StartArray;
                    break;
                case 1 or 2:
                    OtherKind = true;
                    break;
            }
        }
    }

    /// <summary>This reader leaves the answer to the document reader.</summary>
    private sealed class GiveUp : Exception
    {
        public static readonly GiveUp Instance = new();
    }
}
