using System.Globalization;

namespace Rsspot.Configuration;

/// <summary>
/// Layers one profile's settings. Lowest to highest: built-in defaults, top-level <c>retry</c>/<c>cache</c>,
/// the profile's Python-style <c>max_retries</c> (attempts = retries + 1) and <c>retry_backoff_factor</c>
/// (= base delay), the profile's own <c>retry</c>/<c>cache</c> blocks (field by field), then environment
/// variables. Org/region: environment &gt; <c>preferences.profile_orgs[name]</c> &gt; profile &gt; <c>preferences.default_org</c>.
/// </summary>
internal sealed class EffectiveProfileBuilder(RsspotConfig config, ConfigEnvironment environment)
{
    public EffectiveProfile Build(string name, ProfileConfig profile, string? statePath)
    {
        PreferencesConfig prefs = config.Preferences;
        return new EffectiveProfile
        {
            Name = name,
            Org = Env(EnvironmentVariables.Org) ?? prefs.ProfileOrgs.GetValueOrDefault(name) ?? profile.Org ?? prefs.DefaultOrg,
            OrgId = Env(EnvironmentVariables.OrgId) ?? profile.OrgId,
            Region = Env(EnvironmentVariables.Region) ?? prefs.ProfileRegions.GetValueOrDefault(name) ?? profile.Region ?? prefs.DefaultRegion,
            ClientId = Env(EnvironmentVariables.ClientId) ?? profile.ClientId ?? SpotHosts.PublicClientId,
            RefreshToken = Env(EnvironmentVariables.RefreshToken) ?? profile.RefreshToken,
            AccessToken = Env(EnvironmentVariables.AccessToken) ?? profile.AccessToken,
            BaseUrl = EnvUrl(EnvironmentVariables.BaseUrl) ?? profile.BaseUrl ?? SpotHosts.Api,
            OAuthUrl = EnvUrl(EnvironmentVariables.OAuthUrl) ?? profile.OAuthUrl ?? SpotHosts.OAuth,
            PriceDataUrl = EnvUrl(EnvironmentVariables.PriceDataUrl) ?? profile.PriceDataUrl ?? SpotHosts.PriceData,
            RequestTimeout = TimeSpan.FromSeconds(EnvNumber(EnvironmentVariables.RequestTimeoutSeconds, SettingRanges.MinTimeoutSeconds, SettingRanges.MaxTimeoutSeconds) ?? profile.RequestTimeoutSeconds ?? EffectiveProfile.DefaultRequestTimeout.TotalSeconds),
            VerifySsl = EnvBool(EnvironmentVariables.VerifySsl) ?? profile.VerifySsl ?? true,
            MaxBid = EnvUsd(EnvironmentVariables.MaxBid) ?? profile.MaxBid,
            Retry = BuildRetry(profile),
            Cache = BuildCache(profile),
            StatePath = statePath,
        };
    }

    private RetrySettings BuildRetry(ProfileConfig profile)
    {
        RetrySettings d = RetrySettings.Default;
        RetryConfig top = config.Retry;
        RetryConfig own = profile.Retry;

        double? envRetries = EnvNumber(EnvironmentVariables.MaxRetries, 0, SettingRanges.MaxRetries, wholeNumber: true);
        int maxAttempts = envRetries is double r ? (int)r + 1
            : own.MaxAttempts ?? (profile.MaxRetries + 1) ?? top.MaxAttempts ?? d.MaxAttempts;

        double? baseDelay = EnvNumber(EnvironmentVariables.RetryBackoffFactor, 0, SettingRanges.MaxDelaySeconds)
            ?? own.BaseDelay ?? profile.RetryBackoffFactor ?? top.BaseDelay;

        return new RetrySettings(
            maxAttempts,
            baseDelay is double b ? TimeSpan.FromSeconds(b) : d.BaseDelay,
            (own.MaxDelay ?? top.MaxDelay) is double m ? TimeSpan.FromSeconds(m) : d.MaxDelay,
            own.Jitter ?? top.Jitter ?? d.Jitter,
            own.RetryStatuses ?? top.RetryStatuses ?? d.RetryStatuses);
    }

    private CacheSettings BuildCache(ProfileConfig profile)
    {
        CacheSettings d = CacheSettings.Default;
        CacheConfig top = config.Cache;
        CacheConfig own = profile.Cache;

        var ttls = new Dictionary<string, TimeSpan>(d.TtlDefaults, StringComparer.Ordinal);
        foreach (IReadOnlyDictionary<string, double>? layer in new[] { top.TtlDefaults, own.TtlDefaults })
        {
            foreach ((string key, double seconds) in layer ?? new Dictionary<string, double>())
            {
                ttls[key] = TimeSpan.FromSeconds(seconds);
            }
        }

        return new CacheSettings(
            own.Enabled ?? top.Enabled ?? d.Enabled,
            (own.DefaultTtl ?? top.DefaultTtl) is double ttl ? TimeSpan.FromSeconds(ttl) : d.DefaultTtl,
            own.MaxEntries ?? top.MaxEntries ?? d.MaxEntries,
            own.Backend ?? top.Backend ?? d.Backend,
            ttls);
    }

    private string? Env(IReadOnlyList<string> aliases)
    {
        return environment.First(aliases)?.Value;
    }

    private string? EnvUrl(IReadOnlyList<string> aliases)
    {
        if (environment.First(aliases) is not var (name, value))
        {
            return null;
        }

        return ProfileUrls.IsHttp(value)
            ? value
            : throw BadVariable(name, "an absolute http or https URL such as https://spot.rackspace.com");
    }

    private bool? EnvBool(IReadOnlyList<string> aliases)
    {
        if (environment.First(aliases) is not var (name, value))
        {
            return null;
        }

        return ConfigSchemaReader.ParseBool(value) ?? throw BadVariable(name, "true or false (also 1/0, yes/no)");
    }

    private double? EnvNumber(IReadOnlyList<string> aliases, double min, double max, bool wholeNumber = false)
    {
        if (environment.First(aliases) is not var (name, value))
        {
            return null;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number) || number < min || number > max || (wholeNumber && number != Math.Floor(number)))
        {
            var range = $"from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
            throw BadVariable(name, (wholeNumber ? "a whole number " : "a number ") + range + $" (it is '{Security.ServerText.Clean(value)}')");
        }

        return number;
    }

    private decimal? EnvUsd(IReadOnlyList<string> aliases)
    {
        if (environment.First(aliases) is not var (name, value))
        {
            return null;
        }

        return InvariantNumber.TryParseDecimal(value, allowDollar: true, out decimal amount) && amount is > 0m and <= 1_000_000m
            ? amount
            : throw new ConfigException(InvariantNumber.Complaint(name, value, "0.25", allowDollar: true) + $" Fix: correct or unset {name}.", key: name);
    }

    private static ConfigException BadVariable(string name, string expected)
    {
        return new ConfigException($"Environment variable {name} must be {expected}. Fix: correct or unset {name}.", key: name);
    }
}
