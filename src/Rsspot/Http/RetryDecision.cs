using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace Rsspot.Http;

/// <summary>
/// Which failures are worth another attempt. Idempotent requests retry on any configured status and on
/// transport errors; other requests (POST, PATCH) only where the server cannot have acted on them:
/// connection refused, 429 and 503.
/// </summary>
internal static class RetryDecision
{
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
        || method == HttpMethod.Put || method == HttpMethod.Delete;

    public static bool ShouldRetry(HttpMethod method, HttpResponseMessage? response, Exception? exception, IReadOnlySet<int> statuses, bool retryUnsafeMethods = false)
    {
        var idempotent = retryUnsafeMethods || IsIdempotent(method);
        if (response is not null)
        {
            var code = (int)response.StatusCode;
            return statuses.Contains(code) && (idempotent || code is 429 or 503);
        }

        return exception switch
        {
            null => false,
            UnexpectedResponseException => false,
            _ when IsConnectionRefused(exception) => true,
            HttpRequestException or TimeoutRejectedException or IOException => idempotent,
            _ => false,
        };
    }

    private static bool IsConnectionRefused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The server's Retry-After as a delay, if it sent one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, DateTimeOffset now)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    public static bool IsRateLimited(HttpResponseMessage? response) => response?.StatusCode == HttpStatusCode.TooManyRequests;
}
