namespace Rsspot.Configuration;

/// <summary>Profile fields to set when saving a profile; <see langword="null"/> leaves a field unchanged.</summary>
[Obsolete("Use ProfileConfig with ConfigStore.SaveProfile(string, ProfileConfig): one profile shape serves reading, saving and client options.")]
public sealed record ProfileUpdate
{
    /// <summary>Organization name or id.</summary>
    public string? Org { get; init; }

    /// <summary>Organization id.</summary>
    public string? OrgId { get; init; }

    /// <summary>Region.</summary>
    public string? Region { get; init; }

    /// <summary>OAuth client id.</summary>
    public string? ClientId { get; init; }

    /// <summary>Refresh token (secret).</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Access/id token (secret).</summary>
    public string? AccessToken { get; init; }

    /// <summary>Spot API base URL.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>OAuth server base URL.</summary>
    public string? OAuthUrl { get; init; }

    /// <summary>Public price data base URL.</summary>
    public string? PriceDataUrl { get; init; }

    /// <summary>Request timeout in seconds.</summary>
    public double? RequestTimeoutSeconds { get; init; }

    /// <summary>TLS verification.</summary>
    public bool? VerifySsl { get; init; }

    /// <summary>The same fields as a <see cref="ProfileConfig"/>, the profile shape <c>SaveProfile</c> takes.</summary>
    /// <returns>The profile settings.</returns>
    public ProfileConfig ToProfileConfig() => new()
    {
        Org = Org, OrgId = OrgId, Region = Region, ClientId = ClientId, RefreshToken = RefreshToken, AccessToken = AccessToken,
        BaseUrl = BaseUrl, OAuthUrl = OAuthUrl, PriceDataUrl = PriceDataUrl, RequestTimeoutSeconds = RequestTimeoutSeconds, VerifySsl = VerifySsl,
    };
}
