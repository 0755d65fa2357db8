using YamlDotNet.RepresentationModel;

namespace Rsspot.SpecTool;

/// <summary>
/// Writes the spec as the client generator reads it: every <c>readOnly</c> removed. Kiota gives a read-only
/// property a private setter and leaves it out of serialization, but the SDK sends published read-only fields
/// that the API accepts (labels, custom taints) and writes whole answers back out as JSON (the CLI's output).
/// </summary>
internal static class ClientInput
{
    public static void Write(string specPath, string outputPath)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(specPath))
        {
            stream.Load(reader);
        }

        foreach (var document in stream.Documents)
        {
            RemoveReadOnly(document.RootNode);
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = $"{outputPath}.{Guid.NewGuid():N}.tmp";
        using (var writer = new StreamWriter(temporary))
        {
            stream.Save(writer, assignAnchors: false);
        }

        File.Move(temporary, outputPath, overwrite: true);
    }

    private static void RemoveReadOnly(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                map.Children.Remove(new YamlScalarNode("readOnly"));
                foreach (var child in map.Children.Values)
                {
                    RemoveReadOnly(child);
                }

                break;
            case YamlSequenceNode list:
                foreach (var child in list.Children)
                {
                    RemoveReadOnly(child);
                }

                break;
        }
    }
}
