using Microsoft.Kiota.Abstractions.Serialization;

namespace Rsspot.Serialization;

/// <summary>One model type's setters by JSON name, with a lookup by a span of chars.</summary>
internal sealed class FieldSetterTable
{
    public FieldSetterTable(Dictionary<string, Action<IParsable, IParseNode>> setters)
    {
        Setters = setters;
        BySpan = setters.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Dictionary<string, Action<IParsable, IParseNode>> Setters { get; }

    public Dictionary<string, Action<IParsable, IParseNode>>.AlternateLookup<ReadOnlySpan<char>> BySpan { get; }
}
