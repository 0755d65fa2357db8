namespace Rsspot.Http;

/// <summary>
/// Outermost handler of every chain: refuses to send once the client is disposed, and turns the cancellation
/// that disposal causes into <see cref="ObjectDisposedException"/>.
/// </summary>
internal sealed class LifetimeHandler(ClientLifetime lifetime) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lifetime.ThrowIfEnded();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Token);
        try
        {
            return await base.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (lifetime.IsEnded && !cancellationToken.IsCancellationRequested && error is not ObjectDisposedException)
        {
            throw lifetime.Disposed(error);
        }
    }
}
