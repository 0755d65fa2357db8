namespace Rsspot.Configuration;

/// <summary>
/// The three host URLs of a profile must be absolute http or https URLs: anything else (ftp://, file://, a bare
/// host name) is refused when the config is resolved or saved, before any request is sent.
/// </summary>
internal static class ProfileUrls
{
    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>Checks the URLs written in a profile of a config file.</summary>
    public static void ValidateFile(ProfileConfig profile, string profileName, string? filePath)
    {
        foreach (ProfileSetting setting in ProfileSettingTable.All.Where(s => s.Kind == ProfileSettingKind.Url))
        {
            Check((string?)setting.Get(profile), setting.Key);
        }

        void Check(string? url, string key)
        {
            if (url is not null && !IsHttp(url))
            {
                var where = filePath is null ? "the config" : $"config file '{filePath}'";
                throw new ConfigException(
                    $"{ConfigKeys.Profiles}.{profileName}.{key} in {where} must be an http or https URL (e.g. https://spot.rackspace.com), not '{Shown(url)}'. Fix: correct {key} in profile '{profileName}'.",
                    filePath,
                    $"{ConfigKeys.Profiles}.{profileName}.{key}");
            }
        }
    }

    /// <summary>Checks the URLs a client ends up with (after environment and explicit overrides).</summary>
    public static void Validate(EffectiveProfile profile, string source)
    {
        foreach (var (key, url) in new[] { (ConfigKeys.BaseUrl, profile.BaseUrl), (ConfigKeys.OAuthUrl, profile.OAuthUrl), (ConfigKeys.PriceDataUrl, profile.PriceDataUrl) })
        {
            if (!IsHttp(url))
            {
                throw new ConfigException($"{key} from {source} must be an http or https URL (e.g. https://spot.rackspace.com), not '{Shown(url)}'.", key: key);
            }
        }
    }

    /// <summary>Checks a URL about to be saved.</summary>
    public static void ValidateUpdate(string? url, string key, string profileName)
    {
        if (url is not null && !IsHttp(url))
        {
            throw new ConfigException(
                $"{key} must be an http or https URL (e.g. https://spot.rackspace.com), not '{Shown(url)}'; profile '{profileName}' was not saved.",
                key: $"{ConfigKeys.Profiles}.{profileName}.{key}");
        }
    }

    /// <summary>The URL without its user info, so a password in it is never shown.</summary>
    private static string Shown(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? url.Replace(uri.UserInfo + "@", string.Empty, StringComparison.Ordinal)
            : url;
}
