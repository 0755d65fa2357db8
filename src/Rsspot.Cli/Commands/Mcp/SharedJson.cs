using System.Text.Json.Nodes;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Trims the CLI's shared JSON (<c>Output/</c>) to a tool's output schema: keys dropped or renamed in place.</summary>
internal static class SharedJson
{
    public static JsonObject Without(JsonObject json, params string[] keys)
    {
        foreach (var key in keys)
        {
            json.Remove(key);
        }

        return json;
    }

    /// <summary>Gives <paramref name="from"/>'s value the name <paramref name="to"/>, at the same position.</summary>
    public static JsonObject Renamed(JsonObject json, string from, string to)
    {
        var index = json.IndexOf(from);
        if (index >= 0)
        {
            var value = json[from];
            json.RemoveAt(index);
            json.Insert(index, to, value);
        }

        return json;
    }
}
