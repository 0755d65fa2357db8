using System.Buffers;
using System.Net;

using Rsspot.Security;

namespace Rsspot.Http;

/// <summary>
/// The innermost handler of every chain: refuses redirects (the transport never follows them, and a redirect is
/// never taken for success) and reads the whole body within the attempt, up to a size limit, so that the
/// per-attempt timeout covers the body and a huge or endless answer cannot exhaust memory.
/// </summary>
internal sealed class BoundedResponseHandler(long maxBytes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sentTo = request.RequestUri;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            RefuseRedirect(sentTo, response);
            try
            {
                await BufferAsync(response, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded } or InvalidDataException && !cancellationToken.IsCancellationRequested)
            {
                // A body cut short of its Content-Length or a corrupt compressed body: the answer arrived, malformed.
                throw new UnexpectedResponseException($"the body of the answer (HTTP {(int)response.StatusCode}) could not be read: {BodyProblem(ex)}", response.StatusCode);
            }
            catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new HttpRequestException(HttpRequestError.Unknown, $"the connection failed while the answer's body was read ({ServerText.Clean(ex.Message).TrimEnd('.')})", ex);
            }

            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static void RefuseRedirect(Uri? sentTo, HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        if (code is >= 300 and < 400)
        {
            var where = response.Headers.Location switch
            {
                null => "without a Location",
                { IsAbsoluteUri: true } location => $"to host {ServerText.Clean(location.Authority)}",
                _ => "to another path on the same host",
            };
            throw new UnexpectedResponseException(
                $"the server answered HTTP {code} {ServerText.Clean(response.ReasonPhrase ?? response.StatusCode.ToString())}, a redirect {where}; rsspot never follows redirects. Check the configured URL (base_url, oauth_url or price_data_url)",
                response.StatusCode);
        }

        // A caller-supplied transport that followed a redirect itself: its answer belongs to another address.
        if (sentTo is not null && response.RequestMessage?.RequestUri is { } answeredFor && answeredFor != sentTo)
        {
            throw new UnexpectedResponseException(
                $"the transport followed a redirect to host {ServerText.Clean(answeredFor.Authority)}; rsspot never follows redirects. Switch off AllowAutoRedirect on the transport",
                HttpStatusCode.Redirect);
        }
    }

    private async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        if (original.Headers.ContentLength is { } declared && declared > maxBytes)
        {
            throw TooLarge(response);
        }

        var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // Read into pooled memory, which the buffered content owns (and gives back when the response is disposed).
            var limit = (int)Math.Min(maxBytes + 1, Array.MaxLength);
            byte[]? buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp((original.Headers.ContentLength ?? 4096) + 1, 1, limit));
            try
            {
                var length = 0;
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > maxBytes)
                        {
                            throw TooLarge(response);
                        }

                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                if (length > maxBytes)
                {
                    throw TooLarge(response);
                }

                response.Content = new BufferedContent(buffer, length, original);
                buffer = null;
            }
            finally
            {
                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }

        original.Dispose();
    }

    private static string BodyProblem(Exception ex) => ex switch
    {
        InvalidDataException => "its compressed (Content-Encoding) data is corrupt",
        _ => "it ended before its declared length (Content-Length)",
    };

    private UnexpectedResponseException TooLarge(HttpResponseMessage response) =>
        new($"the answer is larger than {Size(maxBytes)}, the most the client reads (SpotClientOptions.MaxResponseBytes)", response.StatusCode);

    internal static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KB",
        _ => $"{bytes} bytes",
    };
}
