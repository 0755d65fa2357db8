using System.Text.Json.Nodes;
using Rsspot.Configuration;

namespace Rsspot.Cli.Output;

/// <summary>A profile's effective settings as JSON, secrets redacted.</summary>
internal static class ProfileJson
{
    public static JsonObject Of(EffectiveProfile profile, bool active)
    {
        var json = new JsonObject();
        foreach (var (key, value) in profile.ToRedactedPairs())
        {
            json[key] = value;
        }

        json["active"] = active;
        return json;
    }
}
