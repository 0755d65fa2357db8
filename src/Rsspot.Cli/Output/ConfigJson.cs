using System.Text.Json.Nodes;
using Rsspot.Configuration;

namespace Rsspot.Cli.Output;

/// <summary>The JSON of <c>config info</c>, <c>config set-default-*</c> and <c>configure</c> (secrets redacted).</summary>
internal static class ConfigJson
{
    /// <summary><c>config info</c>: which source won, the file, the profile and its effective settings, state.db.</summary>
    public static JsonObject Info(ResolvedConfig resolved, string name, string? selectedBy, EffectiveProfile profile, string? statePath) => new()
    {
        ["source"] = resolved.Source.Kind.ToString(),
        ["source_detail"] = resolved.Source.ToString(),
        ["config_file"] = resolved.Source.Path,
        ["writable_path"] = resolved.Source.Path is null && resolved.Paths.ConfigDirectory is null ? null : resolved.WritablePath,
        ["profile"] = name,
        ["profile_selected_by"] = selectedBy ?? "default",
        ["profiles"] = new JsonArray([.. resolved.ProfileNames.Order(StringComparer.Ordinal).Select(n => (JsonNode)n)]),
        ["state_path"] = statePath,
        ["effective"] = ProfileJson.Of(profile, active: true),
    };

    /// <summary>A preference written by <c>config set-default-*</c>: its key and value, and the file.</summary>
    public static JsonObject Setting(string key, string value, string path) => new() { [key] = value, ["path"] = path };

    /// <summary><c>configure</c>: the profile saved, the file, whether it is active, and its settings as stored (redacted).</summary>
    public static JsonObject Saved(string profile, string path, bool active, JsonNode? settings) =>
        new() { ["profile"] = profile, ["path"] = path, ["active"] = active, ["settings"] = settings };
}
