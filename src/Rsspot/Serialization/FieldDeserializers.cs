using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Rsspot.Serialization;

/// <summary>
/// A model's field deserializers, looked up by a JSON property's raw name without allocating it: generated models
/// return a <see cref="Dictionary{TKey,TValue}"/> with the default (ordinal) comparer, which accepts a span of chars.
/// </summary>
internal readonly ref struct FieldDeserializers
{
    private const int MaxStackName = 64;

    private readonly IDictionary<string, Action<IParseNode>> _fields;
    private readonly Dictionary<string, Action<IParseNode>>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly bool _hasSpanLookup;

    public FieldDeserializers(IDictionary<string, Action<IParseNode>> fields)
    {
        _fields = fields;
        _hasSpanLookup = fields is Dictionary<string, Action<IParseNode>> dictionary && dictionary.TryGetAlternateLookup(out _bySpan);
    }

    /// <returns>The property's deserializer, or null and its unescaped <paramref name="name"/> (only then allocated).</returns>
    public Action<IParseNode>? Find(JsonProperty property, out string name)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (_hasSpanLookup && raw.Length <= MaxStackName && !raw.Contains((byte)'\\'))
        {
            Span<char> chars = stackalloc char[MaxStackName];
            if (_bySpan.TryGetValue(chars[..Encoding.UTF8.GetChars(raw, chars)], out var found))
            {
                name = null!;
                return found;
            }
        }

        name = property.Name;
        return _fields.TryGetValue(name, out var deserializer) ? deserializer : null;
    }
}
