using Rsspot.Auth;
using Rsspot.Configuration;
using Rsspot.Generated.Api;
using Rsspot.Generated.PriceData;

namespace Rsspot;

/// <summary>What every service of one client shares: the generated clients, the profile, the org resolution.</summary>
internal sealed class SpotContext(
    SpotApiClient api,
    SpotPriceDataClient priceData,
    HttpClient apiHttp,
    HttpClient priceHttp,
    TokenManager tokens,
    EffectiveProfile profile,
    TimeProvider time)
{
    public SpotApiClient Api { get; } = api;

    public SpotPriceDataClient PriceData { get; } = priceData;

    public HttpClient ApiHttp { get; } = apiHttp;

    public HttpClient PriceHttp { get; } = priceHttp;

    public TokenManager Tokens { get; } = tokens;

    public EffectiveProfile Profile { get; } = profile;

    public TimeProvider Time { get; } = time;

    public OrgResolver Orgs { get; set; } = null!;

    public async Task<string> NamespaceAsync(CancellationToken cancellationToken) =>
        (await Orgs.ResolveAsync(cancellationToken).ConfigureAwait(false)).Namespace;
}
