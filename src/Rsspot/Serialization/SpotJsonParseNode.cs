using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Extensions;
using Microsoft.Kiota.Abstractions.Helpers;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Rsspot.Serialization;

/// <summary>
/// An <see cref="IParseNode"/> over a <see cref="JsonElement"/> that fills the same generated models, with the same
/// values and <c>AdditionalData</c>, as Kiota's <see cref="JsonParseNode"/>, with less work per value: strings and
/// numbers are read from the element directly (Kiota runs each through the serializer), property names are matched
/// without allocating them, and the node a model hands to its field deserializers is reused from field to field
/// (generated deserializers read their node at once and never keep it). Rarely used getters (durations, dates,
/// times, bytes, untyped values, discriminator look-ups) and every failing conversion go through Kiota's own node on
/// the same element, so they behave exactly alike.
/// </summary>
internal sealed class SpotJsonParseNode : IParseNode, IDisposable
{
    private readonly PooledJsonBody _body;
    private readonly bool _isRoot;
    private JsonElement _element;
    private SpotJsonParseNode? _child;
    private Type? _tableType;
    private FieldSetterTable? _table;

    /// <summary>The root node of a body; disposing it gives the body's memory back (the models keep no reference to it).</summary>
    public SpotJsonParseNode(PooledJsonBody body)
        : this(body, body.Root, isRoot: true)
    {
    }

    private SpotJsonParseNode(PooledJsonBody body, JsonElement element, bool isRoot)
    {
        _body = body;
        _element = element;
        _isRoot = isRoot;
    }

    /// <inheritdoc />
    public Action<IParsable>? OnBeforeAssignFieldValues { get; set; }

    /// <inheritdoc />
    public Action<IParsable>? OnAfterAssignFieldValues { get; set; }

    /// <summary>The element this node reads (the answer's root for a root node).</summary>
    internal JsonElement Element => _element;

    /// <inheritdoc />
    /// <remarks>
    /// The published file types prices (and most values) as strings; a server that sends a JSON number there is read as
    /// the number's invariant text (<c>0.003</c>, also from <c>3e-3</c>), never dropped. A boolean, object or array where
    /// a string belongs makes the answer the wrong shape (an error), not an empty value.
    /// </remarks>
    public string? GetStringValue() => _element.ValueKind switch
    {
        JsonValueKind.String => _element.GetString(),
        JsonValueKind.Number => _element.TryGetDecimal(out var number) ? number.ToString(CultureInfo.InvariantCulture) : _element.GetRawText(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        var other => throw new FormatException($"a JSON {other.ToString().ToLowerInvariant()} where a string belongs"),
    };

    /// <inheritdoc />
    public bool? GetBoolValue() => _element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <inheritdoc />
    public byte? GetByteValue() => !IsNumber ? null : _element.TryGetByte(out var value) ? value : Kiota().GetByteValue();

    /// <inheritdoc />
    public sbyte? GetSbyteValue() => !IsNumber ? null : _element.TryGetSByte(out var value) ? value : Kiota().GetSbyteValue();

    /// <inheritdoc />
    public int? GetIntValue() => !IsNumber ? null : _element.TryGetInt32(out var value) ? value : Kiota().GetIntValue();

    /// <inheritdoc />
    public float? GetFloatValue() => !IsNumber ? null : _element.TryGetSingle(out var value) ? value : Kiota().GetFloatValue();

    /// <inheritdoc />
    public long? GetLongValue() => !IsNumber ? null : _element.TryGetInt64(out var value) ? value : Kiota().GetLongValue();

    /// <inheritdoc />
    public double? GetDoubleValue() => !IsNumber ? null : _element.TryGetDouble(out var value) ? value : Kiota().GetDoubleValue();

    /// <inheritdoc />
    public decimal? GetDecimalValue() => !IsNumber ? null : _element.TryGetDecimal(out var value) ? value : Kiota().GetDecimalValue();

    /// <inheritdoc />
    public Guid? GetGuidValue() => _element.ValueKind == JsonValueKind.String && _element.TryGetGuid(out var value) ? value : Kiota().GetGuidValue();

    /// <inheritdoc />
    public DateTimeOffset? GetDateTimeOffsetValue()
    {
        if (_element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        // Kiota: the serializer's ISO 8601 reading first, then DateTimeOffset.TryParse of the text.
        if (_element.TryGetDateTimeOffset(out var iso))
        {
            return iso;
        }

        return DateTimeOffset.TryParse(_element.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? parsed : null;
    }

    /// <inheritdoc />
    public TimeSpan? GetTimeSpanValue() => Kiota().GetTimeSpanValue();

    /// <inheritdoc />
    public Date? GetDateValue() => Kiota().GetDateValue();

    /// <inheritdoc />
    public Time? GetTimeValue() => Kiota().GetTimeValue();

    /// <inheritdoc />
    public byte[]? GetByteArrayValue() => Kiota().GetByteArrayValue();

    /// <inheritdoc />
    public IParseNode? GetChildNode(string identifier) => Kiota().GetChildNode(identifier);

    /// <inheritdoc />
    public T? GetEnumValue<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum => EnumHelpers.GetEnumValue<T>(_element.GetString()!);

    /// <inheritdoc />
    public T GetObjectValue<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        if (typeof(T) == typeof(UntypedNode))
        {
            return Kiota().GetObjectValue(factory);
        }

        var item = factory(this);
        if (item is not IComposedTypeWrapper)
        {
            // A composed type (oneOf a string and an object, ...) reads the node itself; a model needs an object.
            ExpectShape(JsonValueKind.Object, "an object");
        }

        OnBeforeAssignFieldValues?.Invoke(item);
        AssignFieldValues(item);
        OnAfterAssignFieldValues?.Invoke(item);
        return item;
    }

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfObjectValues<T>(ParsableFactory<T> factory)
        where T : IParsable
    {
        if (_element.ValueKind != JsonValueKind.Array)
        {
            ExpectShape(JsonValueKind.Array, "a list");
            return [];
        }

        var items = new List<T>(_element.GetArrayLength());
        foreach (var value in _element.EnumerateArray())
        {
            items.Add(Child(value).GetObjectValue(factory));
        }

        return items;
    }

    /// <inheritdoc />
    public IEnumerable<T?> GetCollectionOfEnumValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
        where T : struct, Enum
    {
        if (_element.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var items = new List<T?>(_element.GetArrayLength());
        foreach (var value in _element.EnumerateArray())
        {
            items.Add(Child(value).GetEnumValue<T>());
        }

        return items;
    }

    /// <inheritdoc />
    public IEnumerable<T> GetCollectionOfPrimitiveValues<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>()
    {
        if (_element.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var items = new List<T>(_element.GetArrayLength());
        foreach (var value in _element.EnumerateArray())
        {
            items.Add(PrimitiveValue.Read<T>(Child(value)));
        }

        return items;
    }

    private bool IsNumber => _element.ValueKind == JsonValueKind.Number;

    /// <summary>
    /// Objects and lists must be what the model says (null stays allowed): a string where an object goes, or an
    /// object where a list goes, is a wrong answer, not an empty result. Scalars stay as lenient as Kiota's.
    /// </summary>
    private void ExpectShape(JsonValueKind kind, string what)
    {
        if (_element.ValueKind != kind && _element.ValueKind != JsonValueKind.Null)
        {
            throw new JsonException($"expected {what}, found {Describe(_element.ValueKind)}");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private void AssignFieldValues(IParsable item)
    {
        if (_element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        IDictionary<string, object>? additionalData = null;
        if (item is IAdditionalDataHolder holder)
        {
            holder.AdditionalData ??= new Dictionary<string, object>();
            additionalData = holder.AdditionalData;
        }

        // A node is reused for the items of a list, which are of one type: its setter table is looked up once.
        var type = item.GetType();
        if (!ReferenceEquals(type, _tableType))
        {
            _table = ModelFieldSetters.For(item);
            _tableType = type;
        }

        var fields = new FieldDeserializers(item, _table);
        foreach (var property in _element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                // A known field stays unset; an unknown one is kept as null, as Kiota does.
                if (additionalData is not null && !fields.Has(property))
                {
                    IDictionaryExtensions.TryAdd(additionalData, property.Name, AdditionalDataValue.Read(property.Value, _body)!);
                }
            }
            else if (!fields.TryAssign(property, Child(property.Value), out var name) && additionalData is not null)
            {
                IDictionaryExtensions.TryAdd(additionalData, name, AdditionalDataValue.Read(property.Value, _body)!);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_isRoot)
        {
            _body.Release();
        }
    }

    private SpotJsonParseNode Child(JsonElement value)
    {
        var child = _child ??= new SpotJsonParseNode(_body, value, isRoot: false);
        child._element = value;
        child.OnBeforeAssignFieldValues = OnBeforeAssignFieldValues;
        child.OnAfterAssignFieldValues = OnAfterAssignFieldValues;
        return child;
    }

    /// <summary>Kiota's own node on this element, for the paths where exact behaviour matters more than speed.</summary>
    private JsonParseNode Kiota()
    {
        // What Kiota's node returns may read the element later (untyped values, child nodes).
        _body.KeepAlive();
        return new JsonParseNode(_element) { OnBeforeAssignFieldValues = OnBeforeAssignFieldValues, OnAfterAssignFieldValues = OnAfterAssignFieldValues };
    }
}
