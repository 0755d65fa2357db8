using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Rsspot.Security;

/// <summary>
/// Loads YAML (or JSON, which YAML reads too) from an untrusted file with limits: nesting at most
/// <see cref="MaxDepth"/> levels and at most <see cref="MaxNodes"/> nodes once aliases are expanded, so
/// an alias bomb or a deeply nested document is refused before it costs memory or stack.
/// </summary>
internal static class BoundedYaml
{
    /// <summary>The deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes (scalars, mappings, sequences, with every alias counted as its expansion) accepted.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Checks the limits, then loads <paramref name="text"/>.</summary>
    /// <param name="text">The YAML text.</param>
    /// <returns>The loaded stream.</returns>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    /// <exception cref="InvalidDataException">The text nests too deeply or expands to too many nodes.</exception>
    public static YamlStream Load(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Check(text);
        var stream = new YamlStream();
        using var reader = new StringReader(text);
        stream.Load(reader);
        return stream;
    }

    private static void Check(string text)
    {
        using var reader = new StringReader(text);
        var parser = new Parser(reader);
        var open = new Stack<(long Nodes, AnchorName Anchor)>();
        var anchorSizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;

        void Add(long nodes, bool toParent = true)
        {
            total += nodes;
            if (toParent && open.Count > 0)
            {
                var (count, anchor) = open.Pop();
                open.Push((Math.Min(count + nodes, MaxNodes + 1L), anchor));
            }

            if (total > MaxNodes)
            {
                throw new InvalidDataException($"the document expands to more than {MaxNodes} values (YAML aliases are counted as often as they are used)");
            }
        }

        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case Scalar scalar:
                    Add(1);
                    Remember(anchorSizes, scalar.Anchor, 1);
                    break;
                case AnchorAlias alias:
                    Add(anchorSizes.GetValueOrDefault(alias.Value.Value, 1));
                    break;
                case NodeEvent start when start is MappingStart or SequenceStart:
                    if (open.Count >= MaxDepth)
                    {
                        throw new InvalidDataException($"the document nests deeper than {MaxDepth} levels (at line {start.Start.Line})");
                    }

                    Add(1, toParent: false); // the collection is added to its parent, whole, when it ends
                    open.Push((1, start.Anchor));
                    break;
                case MappingEnd or SequenceEnd:
                    var (nodes, anchorName) = open.Pop();
                    Remember(anchorSizes, anchorName, nodes);
                    if (open.Count > 0)
                    {
                        var (parentNodes, parentAnchor) = open.Pop();
                        open.Push((Math.Min(parentNodes + nodes, MaxNodes + 1L), parentAnchor));
                    }

                    break;
            }
        }
    }

    private static void Remember(Dictionary<string, long> sizes, AnchorName anchor, long nodes)
    {
        if (!anchor.IsEmpty)
        {
            sizes[anchor.Value] = nodes;
        }
    }
}
