using Microsoft.Extensions.Logging;
using Rsspot.Auth;
using Rsspot.Configuration;
using Rsspot.Generated.Api;
using Rsspot.Generated.PriceData;
using Rsspot.Diagnostics;
using Rsspot.Http;

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
    TimeProvider time,
    ClientLifetime lifetime,
    ILoggerFactory loggers)
{
    public SpotApiClient Api { get; } = api;

    /// <summary>
    /// <c>Api.Apis.NgpcRxtIo.V1</c>, built once: each step of that chain is a new request builder with its own copy of
    /// the path parameters. Builders only read their parameters, so one instance serves concurrent calls.
    /// </summary>
    public Generated.Api.Apis.NgpcRxtIo.V1.V1RequestBuilder V1 { get; } = api.Apis.NgpcRxtIo.V1;

    /// <summary>The SDK's request adapter under <see cref="Api"/>, for the services' unchanging calls (<see cref="UnchangingCall{T}"/>).</summary>
    public SpotRequestAdapter? Requests { get; init; }

    public SpotPriceDataClient PriceData
    {
        get
        {
            Lifetime.ThrowIfEnded();
            return priceData.Value;
        }
    }

    public HttpClient ApiHttp { get; } = apiHttp;

    public HttpClient PriceHttp
    {
        get
        {
            Lifetime.ThrowIfEnded();
            return priceHttp.Value;
        }
    }

    public ClientLifetime Lifetime { get; } = lifetime;

    public ILoggerFactory Loggers { get; } = loggers;

    public TokenManager Tokens { get; } = tokens;

    public EffectiveProfile Profile { get; } = profile;

    public TimeProvider Time { get; } = time;

    public OrgResolver Orgs { get; set; } = null!;

    /// <summary>The secret values this client holds, masked wherever a server echoes them.</summary>
    public IEnumerable<string?> Secrets() => SecretsOf(Profile, Tokens);

    /// <summary>The profile's tokens and URL passwords, and the access token in use.</summary>
    public static IEnumerable<string?> SecretsOf(EffectiveProfile profile, TokenManager tokens) => [.. profile.SecretValues(), tokens.CurrentToken];

    public async Task<string> NamespaceAsync(CancellationToken cancellationToken)
    {
        Lifetime.ThrowIfEnded();
        return (await Orgs.ResolveAsync(cancellationToken).ConfigureAwait(false)).Namespace;
    }

    /// <summary>The telemetry and lifetime details of one call of a service group.</summary>
    public OperationInfo Operation(string group, string member) =>
        new(SpotTelemetry.Source.HasListeners() ? OperationName(group, member) : null, Orgs?.Resolved?.Namespace, Lifetime);

    private static string OperationName(string group, string member) =>
        group + "." + (member.EndsWith("Async", StringComparison.Ordinal) ? member[..^5] : member).ToLowerInvariant();
}
