using System.Text.Json.Nodes;

namespace Rsspot.Emulator.State;

/// <summary>Keeps the state in a JSON file; writes go to a temporary file first and then replace the old one.</summary>
internal sealed class StateFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public JsonObject? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        return JsonNode.Parse(File.ReadAllText(Path)) as JsonObject
            ?? throw new InvalidDataException($"The emulator data file {Path} does not hold a JSON object.");
    }

    public void Save(JsonObject state)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, state.ToJsonString());
        File.Move(temp, Path, overwrite: true);
    }
}
