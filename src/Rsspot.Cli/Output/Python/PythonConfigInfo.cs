using System.Text.Json.Nodes;
using Rsspot.Configuration;

namespace Rsspot.Cli.Output.Python;

/// <summary>
/// <c>config info</c> as the Python rsspot prints it: its config model dumped (every profile with its settings,
/// preferences, retry, cache), any key naming a token or secret shown as <c>&lt;redacted&gt;</c>, and
/// <c>_source</c>, <c>_path</c>, <c>_state</c> added.
/// </summary>
internal static class PythonConfigInfo
{
    private const string Redacted = "<redacted>";

    public static JsonObject Build(ResolvedConfig resolved, string activeProfile, (int Count, int Limit) history)
    {
        var config = resolved.Config;
        var retry = RetrySettings.Default;
        var cache = CacheSettings.Default;
        return new JsonObject
        {
            ["version"] = (config.Version ?? 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["default_profile"] = config.DefaultProfile,
            ["active_profile"] = config.ActiveProfile ?? activeProfile,
            ["profiles"] = new JsonObject(resolved.ProfileNames.Order(StringComparer.Ordinal).Select(name => KeyValuePair.Create(name, (JsonNode?)Profile(resolved, name)))),
            ["preferences"] = new JsonObject
            {
                ["default_profile"] = config.Preferences.DefaultProfile,
                ["default_org"] = config.Preferences.DefaultOrg,
                ["default_region"] = config.Preferences.DefaultRegion,
                ["profile_orgs"] = new JsonObject(config.Preferences.ProfileOrgs.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["profile_regions"] = new JsonObject(config.Preferences.ProfileRegions.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            },
            ["retry"] = new JsonObject
            {
                ["max_attempts"] = config.Retry.MaxAttempts ?? retry.MaxAttempts,
                ["base_delay"] = config.Retry.BaseDelay ?? retry.BaseDelay.TotalSeconds,
                ["max_delay"] = config.Retry.MaxDelay ?? retry.MaxDelay.TotalSeconds,
                ["jitter"] = config.Retry.Jitter ?? retry.Jitter,
                ["retry_statuses"] = new JsonArray([.. (config.Retry.RetryStatuses ?? retry.RetryStatuses).Select(s => (JsonNode)s)]),
            },
            ["cache"] = new JsonObject
            {
                ["enabled"] = config.Cache.Enabled ?? cache.Enabled,
                ["ttl_defaults"] = new JsonObject((config.Cache.TtlDefaults ?? CacheSettings.BuiltInTtlSeconds).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["default_ttl"] = config.Cache.DefaultTtl ?? cache.DefaultTtl.TotalSeconds,
                ["max_entries"] = config.Cache.MaxEntries ?? cache.MaxEntries,
                ["backend"] = (config.Cache.Backend ?? cache.Backend).ToString().ToLowerInvariant(),
            },
            ["state_path"] = config.StatePath,
            ["_source"] = Source(resolved.Source.Kind),
            ["_path"] = resolved.Source.Path,
            ["_state"] = new JsonObject { ["history_count"] = history.Count, ["history_max_entries"] = history.Limit },
        };
    }

    private static JsonObject Profile(ResolvedConfig resolved, string name)
    {
        var stored = resolved.Config.Profiles.TryGetValue(name, out var p) ? p : null;
        var effective = resolved.GetProfile(name);
        return new JsonObject
        {
            ["org"] = stored?.Org ?? effective.Org,
            ["org_id"] = stored?.OrgId ?? effective.OrgId,
            ["region"] = stored?.Region ?? effective.Region,
            ["client_id"] = effective.ClientId,
            ["refresh_token"] = Redacted,
            ["access_token"] = Redacted,
            ["base_url"] = Security.SecretPolicy.RedactUrlCredentials(effective.BaseUrl),
            ["oauth_url"] = Security.SecretPolicy.RedactUrlCredentials(effective.OAuthUrl),
            ["request_timeout_seconds"] = stored?.RequestTimeoutSeconds ?? effective.RequestTimeout.TotalSeconds,
            ["verify_ssl"] = stored?.VerifySsl ?? effective.VerifySsl,
            ["max_retries"] = stored?.MaxRetries ?? 3,
            ["retry_backoff_factor"] = stored?.RetryBackoffFactor ?? 0.6,
            ["retry"] = null,
            ["cache"] = null,
            ["price_data_url"] = Security.SecretPolicy.RedactUrlCredentials(effective.PriceDataUrl),
        };
    }

    private static string Source(ConfigSourceKind kind) => kind switch
    {
        ConfigSourceKind.ExplicitPath => "explicit-path",
        ConfigSourceKind.EnvironmentPath => "env-path",
        ConfigSourceKind.DefaultPath => "default-path",
        ConfigSourceKind.MigratedLegacy => "migrated-legacy",
        ConfigSourceKind.Runtime => "runtime",
        _ => "none",
    };
}
