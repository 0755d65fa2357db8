using System.Numerics;
using System.Text;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Rsspot.Serialization;

/// <summary>
/// One model type's setters by JSON name, with a look-up by the name's raw UTF-8 bytes (no decoding, no generic
/// comparer): an open-addressing table over the names' bytes. The hash is not randomised: the table holds the model's
/// own field names only and never grows with what a server sends.
/// </summary>
internal sealed class FieldSetterTable
{
    private readonly byte[][] _names;
    private readonly Action<IParsable, IParseNode>[] _byIndex;
    private readonly int[] _slots;

    public FieldSetterTable(Dictionary<string, Action<IParsable, IParseNode>> setters)
    {
        Setters = setters;
        _names = new byte[setters.Count][];
        _byIndex = new Action<IParsable, IParseNode>[setters.Count];
        _slots = new int[Math.Max(4, (int)BitOperations.RoundUpToPowerOf2((uint)setters.Count * 2))];
        Array.Fill(_slots, -1);
        var i = 0;
        foreach (var (name, setter) in setters)
        {
            _names[i] = Encoding.UTF8.GetBytes(name);
            _byIndex[i] = setter;
            var slot = Hash(_names[i]) & (_slots.Length - 1);
            while (_slots[slot] >= 0)
            {
                slot = (slot + 1) & (_slots.Length - 1);
            }

            _slots[slot] = i++;
        }
    }

    public Dictionary<string, Action<IParsable, IParseNode>> Setters { get; }

    /// <summary>The setter of the field whose JSON name is exactly <paramref name="utf8Name"/> (unescaped UTF-8).</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8Name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Action<IParsable, IParseNode>? setter)
    {
        var mask = _slots.Length - 1;
        for (var slot = Hash(utf8Name) & mask; ; slot = (slot + 1) & mask)
        {
            var index = _slots[slot];
            if (index < 0)
            {
                setter = null;
                return false;
            }

            if (utf8Name.SequenceEqual(_names[index]))
            {
                setter = _byIndex[index];
                return true;
            }
        }
    }

    /// <summary>FNV-1a over the bytes.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & int.MaxValue);
    }
}
