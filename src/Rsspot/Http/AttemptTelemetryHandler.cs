using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Rsspot.Diagnostics;

namespace Rsspot.Http;

/// <summary>
/// One span, one duration measurement and one debug log line per HTTP attempt, with the OpenTelemetry HTTP
/// client attribute names. Does nothing (not even an async frame) when no listener, meter or logger wants it.
/// </summary>
internal sealed partial class AttemptTelemetryHandler(ILogger logger) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SpotTelemetry.Source.HasListeners() || SpotTelemetry.RequestDuration.Enabled || logger.IsEnabled(LogLevel.Debug)
            ? ObservedSendAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> ObservedSendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var method = request.Method.Method;
        var uri = request.RequestUri;
        var resendCount = request.Options.TryGetValue(SpotRequestOptions.ResendCount, out var resends) ? resends : 0;
        using var activity = SpotTelemetry.Source.StartActivity(method, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", method);
            activity.SetTag("server.address", uri?.Host);
            activity.SetTag("server.port", uri?.Port);
            activity.SetTag("url.full", RedactedUrl.Of(uri));
            if (resendCount > 0)
            {
                activity.SetTag("http.request.resend_count", resendCount);
            }
        }

        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var errorType = status >= 400 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag("http.response.status_code", status);
                if (errorType is not null)
                {
                    activity.SetTag("error.type", errorType);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }

            Record(started, method, uri, status, errorType);
            LogAttempt(logger, method, RedactedUrl.Of(uri), status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception error)
        {
            var errorType = ErrorType(error, cancellationToken);
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag("error.type", errorType);
                activity.SetStatus(ActivityStatusCode.Error);
            }

            Record(started, method, uri, null, errorType);
            LogFailedAttempt(logger, method, RedactedUrl.Of(uri), errorType, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    private static void Record(long started, string method, Uri? uri, int? status, string? errorType)
    {
        if (!SpotTelemetry.RequestDuration.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "http.request.method", method },
            { "server.address", uri?.Host },
            { "server.port", uri?.Port },
        };
        if (status is not null)
        {
            tags.Add("http.response.status_code", status);
        }

        if (errorType is not null)
        {
            tags.Add("error.type", errorType);
        }

        SpotTelemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }

    /// <summary>The error.type of a failed attempt: a low-cardinality name, never the exception's message.</summary>
    private static string ErrorType(Exception error, CancellationToken cancellationToken) => error switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => "canceled",
        OperationCanceledException => "timeout",
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => http.HttpRequestError.ToString(),
        HttpRequestException { InnerException: SocketException socket } => socket.SocketErrorCode.ToString(),
        _ => error.GetType().FullName ?? "_OTHER",
    };

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "HTTP {Method} {Url} answered {StatusCode} in {ElapsedMs:0} ms")]
    private static partial void LogAttempt(ILogger logger, string method, string url, int statusCode, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "HTTP {Method} {Url} failed ({ErrorType}) after {ElapsedMs:0} ms")]
    private static partial void LogFailedAttempt(ILogger logger, string method, string url, string errorType, double elapsedMs);
}
