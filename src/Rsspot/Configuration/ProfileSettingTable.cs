using System.Globalization;
using Rsspot.Security;

namespace Rsspot.Configuration;

/// <summary>
/// The scalar settings of a profile, in the order they are printed. A new setting is a property of
/// <see cref="ProfileConfig"/>, a row here, a property of <see cref="EffectiveProfile"/> and its line in
/// <see cref="EffectiveProfileBuilder"/>.
/// </summary>
internal static class ProfileSettingTable
{
    public static IReadOnlyList<ProfileSetting> All { get; } =
    [
        new(ConfigKeys.Org, EnvironmentVariables.Org, ProfileSettingKind.Text, p => p.Org, (p, v) => p with { Org = (string?)v }) { Shown = e => e.Org },
        new(ConfigKeys.OrgId, EnvironmentVariables.OrgId, ProfileSettingKind.Text, p => p.OrgId, (p, v) => p with { OrgId = (string?)v }) { Shown = e => e.OrgId },
        new(ConfigKeys.Region, EnvironmentVariables.Region, ProfileSettingKind.Text, p => p.Region, (p, v) => p with { Region = (string?)v }) { Shown = e => e.Region },
        new(ConfigKeys.ClientId, EnvironmentVariables.ClientId, ProfileSettingKind.Text, p => p.ClientId, (p, v) => p with { ClientId = (string?)v }) { Shown = e => e.ClientId },
        new(ConfigKeys.RefreshToken, EnvironmentVariables.RefreshToken, ProfileSettingKind.Text, p => p.RefreshToken, (p, v) => p with { RefreshToken = (string?)v })
        {
            Shown = e => e.RefreshToken is null ? null : SecretPolicy.Mask,
        },
        new(ConfigKeys.AccessToken, EnvironmentVariables.AccessToken, ProfileSettingKind.Text, p => p.AccessToken, (p, v) => p with { AccessToken = (string?)v })
        {
            Shown = e => e.AccessToken is null ? null : SecretPolicy.Mask,
        },
        new(ConfigKeys.BaseUrl, EnvironmentVariables.BaseUrl, ProfileSettingKind.Url, p => p.BaseUrl, (p, v) => p with { BaseUrl = (string?)v })
        {
            Shown = e => SecretPolicy.RedactUrlCredentials(e.BaseUrl),
        },
        new(ConfigKeys.OAuthUrl, EnvironmentVariables.OAuthUrl, ProfileSettingKind.Url, p => p.OAuthUrl, (p, v) => p with { OAuthUrl = (string?)v })
        {
            Shown = e => SecretPolicy.RedactUrlCredentials(e.OAuthUrl),
        },
        new(ConfigKeys.PriceDataUrl, EnvironmentVariables.PriceDataUrl, ProfileSettingKind.Url, p => p.PriceDataUrl, (p, v) => p with { PriceDataUrl = (string?)v })
        {
            Shown = e => SecretPolicy.RedactUrlCredentials(e.PriceDataUrl),
        },
        new(ConfigKeys.RequestTimeoutSeconds, EnvironmentVariables.RequestTimeoutSeconds, ProfileSettingKind.Number, p => p.RequestTimeoutSeconds, (p, v) => p with { RequestTimeoutSeconds = (double?)v })
        {
            Min = SettingRanges.MinTimeoutSeconds,
            Max = SettingRanges.MaxTimeoutSeconds,
            Shown = e => e.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        },
        new("operation_timeout_seconds", ["RSSPOT_OPERATION_TIMEOUT_SECONDS"], ProfileSettingKind.Number, p => p.OperationTimeoutSeconds, (p, v) => p with { OperationTimeoutSeconds = (double?)v })
        {
            Min = SettingRanges.MinTimeoutSeconds,
            Max = SettingRanges.MaxTimeoutSeconds,
        },
        new(ConfigKeys.VerifySsl, EnvironmentVariables.VerifySsl, ProfileSettingKind.Bool, p => p.VerifySsl, (p, v) => p with { VerifySsl = (bool?)v })
        {
            Shown = e => e.VerifySsl ? "true" : "false",
        },
        new(ConfigKeys.MaxRetries, EnvironmentVariables.MaxRetries, ProfileSettingKind.WholeNumber, p => p.MaxRetries, (p, v) => p with { MaxRetries = (int?)v })
        {
            Min = 0,
            Max = SettingRanges.MaxRetries,
        },
        new(ConfigKeys.RetryBackoffFactor, EnvironmentVariables.RetryBackoffFactor, ProfileSettingKind.Number, p => p.RetryBackoffFactor, (p, v) => p with { RetryBackoffFactor = (double?)v })
        {
            Min = 0,
            Max = SettingRanges.MaxDelaySeconds,
        },
        new(ConfigKeys.MaxBid, EnvironmentVariables.MaxBid, ProfileSettingKind.Usd, p => p.MaxBid, (p, v) => p with { MaxBid = (decimal?)v }),
    ];

    /// <summary>Field by field, the value of <paramref name="high"/> where it is set, else that of <paramref name="low"/>.</summary>
    public static ProfileConfig Merge(ProfileConfig? high, ProfileConfig low)
    {
        if (high is null)
        {
            return low;
        }

        var merged = low;
        foreach (var setting in All)
        {
            if (setting.Get(high) is { } value)
            {
                merged = setting.With(merged, value);
            }
        }

        return merged;
    }
}
