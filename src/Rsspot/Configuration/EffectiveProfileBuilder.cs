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
    /// <summary>Builds the effective profile.</summary>
    /// <param name="name">The profile name.</param>
    /// <param name="profile">The profile as written in the config.</param>
    /// <param name="statePath">The state.db path, if any.</param>
    /// <param name="overrides">Settings that win over the environment and the file (the client options' block).</param>
    public EffectiveProfile Build(string name, ProfileConfig profile, string? statePath, ProfileConfig? overrides = null)
    {
        PreferencesConfig prefs = config.Preferences;
        ProfileConfig top = ProfileSettingTable.Merge(overrides, ReadEnvironment());
        return new EffectiveProfile
        {
            Name = name,
            Org = top.Org ?? prefs.ProfileOrgs.GetValueOrDefault(name) ?? profile.Org ?? prefs.DefaultOrg,
            OrgId = top.OrgId ?? profile.OrgId,
            Region = top.Region ?? prefs.ProfileRegions.GetValueOrDefault(name) ?? profile.Region ?? prefs.DefaultRegion,
            ClientId = top.ClientId ?? profile.ClientId ?? SpotHosts.PublicClientId,
            RefreshToken = top.RefreshToken ?? profile.RefreshToken,
            AccessToken = top.AccessToken ?? profile.AccessToken,
            BaseUrl = top.BaseUrl ?? profile.BaseUrl ?? SpotHosts.Api,
            OAuthUrl = top.OAuthUrl ?? profile.OAuthUrl ?? SpotHosts.OAuth,
            PriceDataUrl = top.PriceDataUrl ?? profile.PriceDataUrl ?? SpotHosts.PriceData,
            RequestTimeout = TimeSpan.FromSeconds(top.RequestTimeoutSeconds ?? profile.RequestTimeoutSeconds ?? EffectiveProfile.DefaultRequestTimeout.TotalSeconds),
            OperationTimeout = (top.OperationTimeoutSeconds ?? profile.OperationTimeoutSeconds) is double operation ? TimeSpan.FromSeconds(operation) : null,
            VerifySsl = top.VerifySsl ?? profile.VerifySsl ?? true,
            MaxBid = top.MaxBid ?? profile.MaxBid,
            Retry = BuildRetry(profile, top),
            Cache = BuildCache(profile),
            StatePath = statePath,
        };
    }

    /// <summary>The profile settings the environment sets (each row's variables, first set wins), checked like the file's.</summary>
    private ProfileConfig ReadEnvironment()
    {
        var settings = new ProfileConfig();
        foreach (ProfileSetting setting in ProfileSettingTable.All)
        {
            if (setting.Environment.Count > 0 && environment.First(setting.Environment) is var (name, value))
            {
                settings = setting.With(settings, Parse(setting, name, value));
            }
        }

        return settings;
    }

    private static object Parse(ProfileSetting setting, string name, string value)
    {
        return setting.Kind switch
        {
            ProfileSettingKind.Url => ProfileUrls.IsHttp(value) ? value : throw BadVariable(name, "an absolute http or https URL such as https://spot.rackspace.com"),
            ProfileSettingKind.Bool => ConfigSchemaReader.ParseBool(value) ?? throw BadVariable(name, "true or false (also 1/0, yes/no)"),
            ProfileSettingKind.Number => EnvNumber(name, value, setting.Min, setting.Max, wholeNumber: false),
            ProfileSettingKind.WholeNumber => (int)EnvNumber(name, value, setting.Min, setting.Max, wholeNumber: true),
            ProfileSettingKind.Usd => EnvUsd(name, value),
            _ => value,
        };
    }

    private RetrySettings BuildRetry(ProfileConfig profile, ProfileConfig top)
    {
        RetrySettings d = RetrySettings.Default;
        RetryConfig shared = config.Retry;
        RetryConfig own = profile.Retry;

        int maxAttempts = top.MaxRetries is int r ? r + 1
            : own.MaxAttempts ?? (profile.MaxRetries + 1) ?? shared.MaxAttempts ?? d.MaxAttempts;

        double? baseDelay = top.RetryBackoffFactor ?? own.BaseDelay ?? profile.RetryBackoffFactor ?? shared.BaseDelay;

        return new RetrySettings(
            maxAttempts,
            baseDelay is double b ? TimeSpan.FromSeconds(b) : d.BaseDelay,
            (own.MaxDelay ?? shared.MaxDelay) is double m ? TimeSpan.FromSeconds(m) : d.MaxDelay,
            own.Jitter ?? shared.Jitter ?? d.Jitter,
            own.RetryStatuses ?? shared.RetryStatuses ?? d.RetryStatuses);
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

    private static double EnvNumber(string name, string value, double min, double max, bool wholeNumber)
    {
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number) || number < min || number > max || (wholeNumber && number != Math.Floor(number)))
        {
            var range = $"from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
            throw BadVariable(name, (wholeNumber ? "a whole number " : "a number ") + range + $" (it is '{Security.ServerText.Clean(value)}')");
        }

        return number;
    }

    private static decimal EnvUsd(string name, string value)
    {
        return InvariantNumber.TryParseDecimal(value, allowDollar: true, out decimal amount) && amount is > 0m and <= 1_000_000m
            ? amount
            : throw new ConfigException(InvariantNumber.Complaint(name, value, "0.25", allowDollar: true) + $" Fix: correct or unset {name}.", key: name);
    }

    private static ConfigException BadVariable(string name, string expected)
    {
        return new ConfigException($"Environment variable {name} must be {expected}. Fix: correct or unset {name}.", key: name);
    }
}
