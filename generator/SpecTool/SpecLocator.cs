using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rsspot.SpecTool;

/// <summary>
/// Maps JSON pointers of an OpenAPI file (YAML or JSON) to line and column, and reports syntax errors with
/// their position, so problems read as <c>file(line,col): error ...</c> in editors and build logs.
/// </summary>
internal sealed class SpecLocator
{
    private readonly YamlNode? _root;

    private SpecLocator(YamlNode? root, string? syntaxError)
    {
        _root = root;
        SyntaxError = syntaxError;
    }

    /// <summary>The first syntax error, already formatted with its position, or null.</summary>
    public string? SyntaxError { get; }

    public static SpecLocator Load(string path, string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return new SpecLocator(stream.Documents.FirstOrDefault()?.RootNode, null);
        }
        catch (YamlException ex)
        {
            return new SpecLocator(null, $"{path}({ex.Start.Line},{ex.Start.Column}): error RSSPEC: {Inner(ex).Message}");
        }
    }

    /// <summary>Formats a problem at a JSON pointer (e.g. <c>#/paths/~1x/get</c>) with the position of that node.</summary>
    public string Format(string path, string? pointer, string message)
    {
        var where = pointer is null ? null : Find(pointer);
        var position = where is { } mark ? $"({mark.Line},{mark.Column})" : string.Empty;
        var at = string.IsNullOrEmpty(pointer) ? string.Empty : $"at {pointer}: ";
        return $"{path}{position}: error RSSPEC: {at}{message}";
    }

    private Mark? Find(string pointer)
    {
        var node = _root;
        Mark? found = node?.Start;
        foreach (var raw in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (node)
            {
                case YamlMappingNode map:
                    var entry = map.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode key && key.Value == segment);
                    if (entry.Key is null)
                    {
                        return found;
                    }

                    found = entry.Key.Start;
                    node = entry.Value;
                    break;
                case YamlSequenceNode list when int.TryParse(segment, out var index) && index < list.Children.Count:
                    node = list.Children[index];
                    found = node.Start;
                    break;
                default:
                    return found;
            }
        }

        return found;
    }

    private static Exception Inner(Exception ex) => ex.InnerException is YamlException inner ? Inner(inner) : ex;
}
