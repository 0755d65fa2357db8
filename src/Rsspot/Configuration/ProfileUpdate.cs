namespace Rsspot.Configuration;

/// <summary>Profile fields to set when saving a profile; <see langword="null"/> leaves a field unchanged.</summary>
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

    internal IEnumerable<(string Key, object Value)> SetFields()
    {
        (string, object?)[] all =
        [
            (ConfigKeys.Org, Org), (ConfigKeys.OrgId, OrgId), (ConfigKeys.Region, Region), (ConfigKeys.ClientId, ClientId),
            (ConfigKeys.RefreshToken, RefreshToken), (ConfigKeys.AccessToken, AccessToken), (ConfigKeys.BaseUrl, BaseUrl),
            (ConfigKeys.OAuthUrl, OAuthUrl), (ConfigKeys.PriceDataUrl, PriceDataUrl),
            (ConfigKeys.RequestTimeoutSeconds, RequestTimeoutSeconds), (ConfigKeys.VerifySsl, VerifySsl),
        ];
        return all.Where(f => f.Item2 is not null).Select(f => (f.Item1, f.Item2!));
    }
}
