using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Rsspot.Diagnostics;

namespace Rsspot.Auth;

/// <summary>Makes each token refresh visible: a child span, a counter with the outcome, and a log line (never the token).</summary>
internal sealed partial class ObservedTokenExchanger(ITokenExchanger inner, ILogger logger) : ITokenExchanger
{
    public async Task<string> ExchangeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        using var activity = SpotTelemetry.Source.StartActivity("rsspot.token.refresh", ActivityKind.Internal);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var token = await inner.ExchangeAsync(refreshToken, cancellationToken).ConfigureAwait(false);
            Count("success");
            if (logger.IsEnabled(LogLevel.Information))
            {
                LogRefreshed(logger, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return token;
        }
        catch (Exception error)
        {
            Count("failure");
            activity?.SetTag("error.type", error.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error);
            if (logger.IsEnabled(LogLevel.Warning))
            {
                LogFailed(logger, error.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            throw;
        }
    }

    private static void Count(string outcome)
    {
        if (SpotTelemetry.TokenRefreshes.Enabled)
        {
            SpotTelemetry.TokenRefreshes.Add(1, new KeyValuePair<string, object?>("rsspot.outcome", outcome));
        }
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Refreshed the id_token in {ElapsedMs:0} ms")]
    private static partial void LogRefreshed(ILogger logger, double elapsedMs);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Refreshing the id_token failed ({ErrorType}) after {ElapsedMs:0} ms")]
    private static partial void LogFailed(ILogger logger, string errorType, double elapsedMs);
}
