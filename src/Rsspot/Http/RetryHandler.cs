using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Rsspot.Diagnostics;

namespace Rsspot.Http;

/// <summary>
/// The one retry layer of the pipeline (Polly): exponential backoff with jitter, capped, honouring
/// Retry-After, with a per-attempt timeout. See <see cref="RetryDecision"/> for what is retried.
/// </summary>
internal sealed partial class RetryHandler : DelegatingHandler
{
    private readonly Lazy<ResiliencePipeline<HttpResponseMessage>> _pipeline;
    private readonly TimeProvider _time;
    private readonly TimeSpan _operationTimeout;

    /// <summary>Creates the handler.</summary>
    public RetryHandler(RetryOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? TimeProvider.System;
        _operationTimeout = options.EffectiveOperationTimeout;

        // Built on first send: a handler that is never used (a cache hit above it, a host not called) costs nothing.
        _pipeline = new Lazy<ResiliencePipeline<HttpResponseMessage>>(() => Build(options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static readonly ResiliencePropertyKey<HttpMethod> MethodKey = new("rsspot.method");

    private static readonly ResiliencePropertyKey<Uri?> UriKey = new("rsspot.uri");

    /// <summary>Where retries are logged (with their reason and delay).</summary>
    internal ILogger Logger { get; init; } = NullLogger.Instance;

    private ResiliencePipeline<HttpResponseMessage> Build(RetryOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (IsFinite(options.EffectiveOperationTimeout))
        {
            builder.AddTimeout(options.EffectiveOperationTimeout);
        }

        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.Jitter > 0,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                // A server that asks for a longer pause than MaxDelay is not retried early: the caller hears the delay it asked for.
                ShouldHandle = args => ValueTask.FromResult(
                    RetryDecision.ShouldRetry(RequestOf(args.Context), args.Outcome.Result, args.Outcome.Exception, options.RetryStatuses, options.RetryUnsafeMethods)
                    && !(RetryDecision.RetryAfter(args.Outcome.Result, _time.GetUtcNow()) > options.MaxDelay)),
                DelayGenerator = args =>
                {
                    var wait = RetryDecision.RetryAfter(args.Outcome.Result, _time.GetUtcNow());
                    return ValueTask.FromResult(wait is null ? (TimeSpan?)null : Min(wait.Value, options.MaxDelay));
                },
                OnRetry = args =>
                {
                    RecordRetry(args.Context, args.Outcome, args.AttemptNumber + 1, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }

        if (IsFinite(options.AttemptTimeout))
        {
            builder.AddTimeout(options.AttemptTimeout);
        }

        return builder.Build();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MethodKey, request.Method);
        context.Properties.Set(UriKey, request.RequestUri);
        Outcome<HttpResponseMessage> outcome;
        try
        {
            // A static callback with its state passed through: no closure or delegate per request. Outcomes, not
            // exceptions, travel through the strategies: a failed or cancelled attempt is thrown once, here, instead
            // of at every step of the pipeline.
            outcome = await _pipeline.Value.ExecuteOutcomeAsync(
                static (ctx, state) => state.Handler.AttemptAsync(state.Request, state.Attempts, ctx.CancellationToken),
                context,
                (Handler: this, Request: request, Attempts: new StrongBox<int>())).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is TimeoutRejectedException timeout && !cancellationToken.IsCancellationRequested)
        {
            throw new RequestTimedOutException(request.RequestUri?.Authority ?? "the server", timeout.Timeout, timeout.Timeout == _operationTimeout, timeout);
        }

        outcome.ThrowIfException();
        return outcome.Result!;
    }

    /// <summary>
    /// One attempt as an outcome (a failure or cancellation is not thrown): the first sends the caller's request,
    /// later ones send copies of it.
    /// </summary>
    private async ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, StrongBox<int> attempts, CancellationToken cancellationToken)
    {
        var sent = Interlocked.Increment(ref attempts.Value) - 1;
        Task<HttpResponseMessage> attempt;
        try
        {
            attempt = sent == 0 ? base.SendAsync(request, cancellationToken) : ResendAsync(request, sent, cancellationToken);
        }
        catch (Exception error)
        {
            return Outcome.FromException<HttpResponseMessage>(error);
        }

        await ((Task)attempt).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return attempt.Status switch
        {
            TaskStatus.RanToCompletion => Outcome.FromResult(attempt.Result),
            TaskStatus.Canceled => Outcome.FromException<HttpResponseMessage>(new TaskCanceledException(attempt)),
            _ => Outcome.FromException<HttpResponseMessage>(attempt.Exception!.InnerExceptions.Count == 1 ? attempt.Exception.InnerException! : attempt.Exception),
        };
    }

    private async Task<HttpResponseMessage> ResendAsync(HttpRequestMessage request, int sent, CancellationToken cancellationToken)
    {
        var message = await RequestCloner.CloneAsync(request, cancellationToken).ConfigureAwait(false);
        message.Options.Set(SpotRequestOptions.ResendCount, sent);
        return await base.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private void RecordRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome, int retry, TimeSpan delay)
    {
        var reason = outcome.Result is { } response
            ? $"HTTP {(int)response.StatusCode}"
            : outcome.Exception?.GetType().Name ?? "unknown";
        var uri = context.Properties.TryGetValue(UriKey, out var value) ? value : null;
        if (SpotTelemetry.Retries.Enabled)
        {
            SpotTelemetry.Retries.Add(
                1,
                new KeyValuePair<string, object?>("http.request.method", RequestOf(context).Method),
                new KeyValuePair<string, object?>("server.address", uri?.Host),
                new KeyValuePair<string, object?>("server.port", uri?.Port),
                new KeyValuePair<string, object?>("rsspot.retry.reason", reason));
        }

        SpotTelemetry.Event("rsspot.retry", reason);
        if (Logger.IsEnabled(LogLevel.Warning))
        {
            LogRetry(Logger, RequestOf(context).Method, RedactedUrl.Of(uri), reason, delay.TotalMilliseconds, retry);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Retrying {Method} {Url} after {Reason} in {DelayMs:0} ms (retry {Retry})")]
    private static partial void LogRetry(ILogger logger, string method, string url, string reason, double delayMs, int retry);

    private static HttpMethod RequestOf(ResilienceContext context) =>
        context.Properties.TryGetValue(MethodKey, out var method) ? method : HttpMethod.Get;

    private static bool IsFinite(TimeSpan timeout) => timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
