namespace Rsspot.Http;

/// <summary>
/// Creates the real transport on the first request, so a process answered entirely from the response cache never
/// builds a socket handler.
/// </summary>
internal sealed class LazyTransport(Func<HttpMessageHandler> create) : HttpMessageHandler
{
    private readonly Lazy<HttpMessageInvoker> _inner = new(() => new HttpMessageInvoker(create(), disposeHandler: true), LazyThreadSafetyMode.ExecutionAndPublication);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _inner.Value.SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _inner.Value.Send(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _inner.IsValueCreated)
        {
            _inner.Value.Dispose();
        }

        base.Dispose(disposing);
    }
}
