using Microsoft.Kiota.Abstractions.Serialization;

namespace Rsspot.Serialization;

/// <summary>One model type's setters by JSON name, with a lookup by the name's raw UTF-8 bytes.</summary>
internal sealed class FieldSetterTable
{
    public FieldSetterTable(Dictionary<string, Action<IParsable, IParseNode>> setters)
    {
        Setters = setters;
        ByUtf8 = new Dictionary<string, Action<IParsable, IParseNode>>(setters, Utf8NameComparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public Dictionary<string, Action<IParsable, IParseNode>> Setters { get; }

    /// <summary>The setters by a property's unescaped UTF-8 name.</summary>
    public Dictionary<string, Action<IParsable, IParseNode>>.AlternateLookup<ReadOnlySpan<byte>> ByUtf8 { get; }
}
