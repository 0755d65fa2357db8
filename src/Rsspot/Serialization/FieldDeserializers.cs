using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Rsspot.Serialization;

/// <summary>
/// The fields of one model being parsed, looked up by a JSON property's raw name without allocating it: the static
/// setters of its type when the build wrote them (<see cref="ModelFieldSetters"/>), else the model's own
/// <c>GetFieldDeserializers()</c> dictionary (default, ordinal comparer, which accepts a span of chars).
/// </summary>
internal readonly ref struct FieldDeserializers
{
    private const int MaxStackName = 64;

    private readonly IParsable _model;
    private readonly FieldSetterTable? _table;
    private readonly IDictionary<string, Action<IParseNode>>? _fields;
    private readonly Dictionary<string, Action<IParseNode>>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly bool _hasSpanLookup;

    /// <param name="model">The model being filled.</param>
    /// <param name="table">The static setters of exactly <paramref name="model"/>'s type (<see cref="ModelFieldSetters.For"/>), or null.</param>
    public FieldDeserializers(IParsable model, FieldSetterTable? table)
    {
        _model = model;
        _table = table;
        if (_table is null)
        {
            _fields = model.GetFieldDeserializers();
            _hasSpanLookup = _fields is Dictionary<string, Action<IParseNode>> dictionary && dictionary.TryGetAlternateLookup(out _bySpan);
        }
    }

    /// <summary>Reads <paramref name="value"/> into the field named by <paramref name="property"/>.</summary>
    /// <returns>False when the model has no such field; then <paramref name="name"/> is the unescaped name.</returns>
    public bool TryAssign(JsonProperty property, IParseNode value, out string name)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        var unescaped = !raw.Contains((byte)'\\');
        if (_table is not null && unescaped)
        {
            // A miss here is final: the name is then only needed for additional data.
            if (_table.TryGet(raw, out var setter))
            {
                name = null!;
                setter(_model, value);
                return true;
            }

            name = property.Name;
            return false;
        }

        if (_hasSpanLookup && raw.Length <= MaxStackName && unescaped)
        {
            Span<char> chars = stackalloc char[MaxStackName];
            var span = chars[..Encoding.UTF8.GetChars(raw, chars)];
            if (_bySpan.TryGetValue(span, out var deserializer))
            {
                name = null!;
                deserializer(value);
                return true;
            }

            name = property.Name;
            return false;
        }

        name = property.Name;
        if (_table is not null)
        {
            if (_table.Setters.TryGetValue(name, out var setter))
            {
                setter(_model, value);
                return true;
            }

            return false;
        }

        if (_fields!.TryGetValue(name, out var namedDeserializer))
        {
            namedDeserializer(value);
            return true;
        }

        return false;
    }

    /// <summary>Whether the model has a field of this name (for JSON null, which leaves the field unset).</summary>
    public bool Has(JsonProperty property)
    {
        if (_table is null)
        {
            return _fields!.ContainsKey(property.Name);
        }

        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.Contains((byte)'\\') ? _table.Setters.ContainsKey(property.Name) : _table.TryGet(raw, out _);
    }
}
