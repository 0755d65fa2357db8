namespace Rsspot.Auth;

/// <summary>
/// Creates the real exchanger (and its OAuth HTTP client) on the first refresh, so a process that is answered
/// from the cache never builds the OAuth host's client.
/// </summary>
internal sealed class LazyTokenExchanger(Func<ITokenExchanger> create) : ITokenExchanger
{
    private readonly Lazy<ITokenExchanger> _exchanger = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<string> ExchangeAsync(string refreshToken, CancellationToken cancellationToken) =>
        _exchanger.Value.ExchangeAsync(refreshToken, cancellationToken);
}
