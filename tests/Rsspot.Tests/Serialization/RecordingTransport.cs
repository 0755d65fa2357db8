using System.Net.Http.Headers;

namespace Rsspot.Tests.Serialization;

/// <summary>A socket transport that keeps a copy of every response body, to parse the same bytes a second way.</summary>
internal sealed class RecordingTransport() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly List<(string Path, byte[] Body)> _bodies = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<(string Path, byte[] Body)> Bodies
    {
        get
        {
            lock (_gate)
            {
                return [.. _bodies];
            }
        }
    }

    /// <summary>The bodies of successful JSON answers received since the last call of <see cref="Take"/>.</summary>
    public IReadOnlyList<(string Path, byte[] Body)> Take()
    {
        lock (_gate)
        {
            var taken = _bodies.ToList();
            _bodies.Clear();
            return taken;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var copy = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = copy;
        if (response.IsSuccessStatusCode && copy.Headers.ContentType is MediaTypeHeaderValue { MediaType: "application/json" })
        {
            lock (_gate)
            {
                _bodies.Add((request.RequestUri!.AbsolutePath, body));
            }
        }

        return response;
    }
}
