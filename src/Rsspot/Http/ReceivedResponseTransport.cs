using Microsoft.Kiota.Abstractions;

namespace Rsspot.Http;

/// <summary>
/// The transport under the Kiota adapter inside <see cref="SpotRequestAdapter"/>: a request carrying a
/// <see cref="ReceivedResponseOption"/> is answered with that response (already received through the real pipeline),
/// so Kiota's own code turns it into the typed error or result; any other request is sent, as a copy, through the
/// real pipeline.
/// </summary>
internal sealed class ReceivedResponseTransport(HttpClient pipeline) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(ReceivedResponseOption.Key, out var option) && option is ReceivedResponseOption { Response: { } received } held)
        {
            // Once only: a second request for the same call (Kiota's claims challenge retry) goes to the server.
            held.Response = null;
            return await WithErrorBodyAsync(request, received, cancellationToken).ConfigureAwait(false);
        }

        // The request was already marked as sent by the HttpClient above this handler.
        using var copy = await RequestCloner.CloneAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await pipeline.SendAsync(copy, cancellationToken).ConfigureAwait(false);
        return await WithErrorBodyAsync(request, response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a failed answer's body (buffered: Kiota reads it again) for <see cref="ErrorBodyOption"/>.</summary>
    private static async Task<HttpResponseMessage> WithErrorBodyAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode
            && request.Options.TryGetValue(ErrorBodyOption.Key, out var option) && option is ErrorBodyOption failure)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            failure.Body = response.Content is BufferedContent buffered
                ? ServerError.Parse(buffered.Bytes.Span)
                : ServerError.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }

        return response;
    }
}
