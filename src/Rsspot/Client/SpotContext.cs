using Rsspot.Auth;
using Rsspot.Configuration;
using Rsspot.Generated.Api;
using Rsspot.Generated.PriceData;

namespace Rsspot;

/// <summary>
/// What every service of one client shares: the generated clients, the profile, the org resolution. The price-data
/// host's clients are created on first use.
/// </summary>
internal sealed class SpotContext(
    SpotApiClient api,
    Lazy<SpotPriceDataClient> priceData,
    HttpClient apiHttp,
    Lazy<HttpClient> priceHttp,
    TokenManager tokens,
    EffectiveProfile profile,
    TimeProvider time)
{
    public SpotApiClient Api { get; } = api;

    public SpotPriceDataClient PriceData => priceData.Value;

    public HttpClient ApiHttp { get; } = apiHttp;

    public HttpClient PriceHttp => priceHttp.Value;

    public TokenManager Tokens { get; } = tokens;

    public EffectiveProfile Profile { get; } = profile;

    public TimeProvider Time { get; } = time;

    public OrgResolver Orgs { get; set; } = null!;

    /// <summary>The secret values this client holds, masked wherever a server echoes them.</summary>
    public IEnumerable<string?> Secrets() => [Profile.RefreshToken, Profile.AccessToken, Tokens.CurrentToken];

    public async Task<string> NamespaceAsync(CancellationToken cancellationToken) =>
        (await Orgs.ResolveAsync(cancellationToken).ConfigureAwait(false)).Namespace;
}
