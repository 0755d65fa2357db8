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
    private readonly RetryOptions _options;

    /// <summary>The first attempt's own deadline: the shorter of the attempt and operation timeouts (none when both are infinite).</summary>
    private readonly TimeSpan _firstAttemptTimeout;

    /// <summary>Whether the first attempt ends by the operation timeout rather than the attempt timeout.</summary>
    private readonly bool _firstAttemptIsOperationTimeout;

    /// <summary>A timed source of an earlier first attempt that ended before its deadline, reset for reuse (as the timeout strategies pool theirs).</summary>
    private CancellationTokenSource? _spareDeadline;

    /// <summary>Creates the handler.</summary>
    public RetryHandler(RetryOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time ?? TimeProvider.System;
        _operationTimeout = options.EffectiveOperationTimeout;
        _options = options;
        var attemptFinite = IsFinite(options.AttemptTimeout);
        var operationFinite = IsFinite(_operationTimeout);
        _firstAttemptIsOperationTimeout = operationFinite && (!attemptFinite || _operationTimeout <= options.AttemptTimeout);
        _firstAttemptTimeout = _firstAttemptIsOperationTimeout ? _operationTimeout : attemptFinite ? options.AttemptTimeout : Timeout.InfiniteTimeSpan;

        // Built on first send: a handler that is never used (a cache hit above it, a host not called) costs nothing.
        _pipeline = new Lazy<ResiliencePipeline<HttpResponseMessage>>(() => Build(options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static readonly ResiliencePropertyKey<HttpMethod> MethodKey = new("rsspot.method");

    private static readonly ResiliencePropertyKey<Uri?> UriKey = new("rsspot.uri");

    /// <summary>When the call started (<see cref="TimeProvider.GetTimestamp"/>): the operation timeout counts from here.</summary>
    private static readonly ResiliencePropertyKey<long> StartedKey = new("rsspot.started");

    /// <summary>Set when the operation timeout (not an attempt's) ended the call.</summary>
    private static readonly ResiliencePropertyKey<bool> OperationTimedOutKey = new("rsspot.operation-timed-out");

    /// <summary>Where retries are logged (with their reason and delay).</summary>
    internal ILogger Logger { get; init; } = NullLogger.Instance;

    private ResiliencePipeline<HttpResponseMessage> Build(RetryOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (IsFinite(options.EffectiveOperationTimeout))
        {
            // The pipeline is entered after the first attempt: the operation timeout keeps counting from the call's start.
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                TimeoutGenerator = args => ValueTask.FromResult(Remaining(args.Context)),
                OnTimeout = args =>
                {
                    args.Context.Properties.Set(OperationTimedOutKey, true);
                    return default;
                },
            });
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
                ShouldHandle = args => ValueTask.FromResult(ShouldHandle(RequestOf(args.Context), args.Outcome)),
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
        // The first attempt runs on its own, under the same deadlines the strategies would set; the strategies are
        // entered only when it fails in a way worth another attempt, and then take its outcome as their first.
        var started = _time.GetTimestamp();
        var first = await FirstAttemptAsync(request, cancellationToken).ConfigureAwait(false);
        if (first.Exception is TimeoutRejectedException && _firstAttemptIsOperationTimeout)
        {
            throw TimedOut(request, _operationTimeout, operation: true, (TimeoutRejectedException)first.Exception);
        }

        if (cancellationToken.IsCancellationRequested || _options.MaxAttempts <= 1 || !ShouldHandle(request.Method, first))
        {
            return Finish(request, first, operationTimedOut: false, cancellationToken);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MethodKey, request.Method);
        context.Properties.Set(UriKey, request.RequestUri);
        context.Properties.Set(StartedKey, started);
        Outcome<HttpResponseMessage> outcome;
        bool operationTimedOut;
        try
        {
            // A static callback with its state passed through: no closure or delegate per request. Outcomes, not
            // exceptions, travel through the strategies: a failed or cancelled attempt is thrown once, here, instead
            // of at every step of the pipeline.
            var attempts = new StrongBox<int>(1);
            outcome = await _pipeline.Value.ExecuteOutcomeAsync(
                static (ctx, state) => state.Handler.AttemptAsync(state.Request, state.Attempts, state.First, ctx.CancellationToken),
                context,
                (Handler: this, Request: request, Attempts: attempts, First: new StrongBox<Outcome<HttpResponseMessage>?>(first))).ConfigureAwait(false);
            operationTimedOut = context.Properties.TryGetValue(OperationTimedOutKey, out var timedOut) && timedOut;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        return Finish(request, outcome, operationTimedOut, cancellationToken);
    }

    private HttpResponseMessage Finish(HttpRequestMessage request, Outcome<HttpResponseMessage> outcome, bool operationTimedOut, CancellationToken cancellationToken)
    {
        if (outcome.Exception is TimeoutRejectedException timeout && !cancellationToken.IsCancellationRequested)
        {
            throw operationTimedOut
                ? TimedOut(request, _operationTimeout, operation: true, timeout)
                : TimedOut(request, timeout.Timeout, timeout.Timeout == _operationTimeout, timeout);
        }

        outcome.ThrowIfException();
        return outcome.Result!;
    }

    private static RequestTimedOutException TimedOut(HttpRequestMessage request, TimeSpan timeout, bool operation, TimeoutRejectedException error) =>
        new(request.RequestUri?.Authority ?? "the server", timeout, operation, error);

    private bool ShouldHandle(HttpMethod method, Outcome<HttpResponseMessage> outcome) =>
        RetryDecision.ShouldRetry(method, outcome.Result, outcome.Exception, _options.RetryStatuses, _options.RetryUnsafeMethods)
        && !(RetryDecision.RetryAfter(outcome.Result, _time.GetUtcNow()) > _options.MaxDelay);

    /// <summary>
    /// The first attempt with the deadline the timeout strategies would give it: one timed source (linked to the
    /// caller's token by a registration, not a second source), a timeout reported as the strategies report it.
    /// </summary>
    private async ValueTask<Outcome<HttpResponseMessage>> FirstAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_firstAttemptTimeout == Timeout.InfiniteTimeSpan)
        {
            return await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var deadline = Interlocked.Exchange(ref _spareDeadline, null) ?? new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        deadline.CancelAfter(_firstAttemptTimeout);
        Outcome<HttpResponseMessage> outcome;
        using (cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), deadline))
        {
            outcome = await SendOnceAsync(request, deadline.Token).ConfigureAwait(false);
        }

        if (deadline.TryReset())
        {
            Interlocked.Exchange(ref _spareDeadline, deadline)?.Dispose();
            return outcome;
        }

        deadline.Dispose();
        if (outcome.Exception is OperationCanceledException cancelled && !cancellationToken.IsCancellationRequested)
        {
            return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(
                $"The operation didn't complete within the allowed timeout of '{_firstAttemptTimeout}'.", _firstAttemptTimeout, cancelled));
        }

        return outcome;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Interlocked.Exchange(ref _spareDeadline, null)?.Dispose();
        }

        base.Dispose(disposing);
    }

    private TimeSpan Remaining(ResilienceContext context)
    {
        var started = context.Properties.TryGetValue(StartedKey, out var value) ? value : _time.GetTimestamp();
        var left = _operationTimeout - _time.GetElapsedTime(started);

        // Zero would mean "no timeout" to the strategy: a spent budget still ends the call.
        return left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1);
    }

    /// <summary>
    /// One attempt as an outcome (a failure or cancellation is not thrown): the strategies' first attempt is the
    /// outcome of the one made before them; later ones send copies of the caller's request.
    /// </summary>
    private ValueTask<Outcome<HttpResponseMessage>> AttemptAsync(HttpRequestMessage request, StrongBox<int> attempts, StrongBox<Outcome<HttpResponseMessage>?> first, CancellationToken cancellationToken)
    {
        if (first.Value is { } outcome)
        {
            // The strategies' first attempt is the one already made.
            first.Value = null;
            return ValueTask.FromResult(outcome);
        }

        var sent = Interlocked.Increment(ref attempts.Value) - 1;
        return SendOnceAsync(request, sent, cancellationToken);
    }

    private ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendOnceAsync(request, 0, cancellationToken);

    /// <summary>One attempt: the first sends the caller's request, later ones send copies of it.</summary>
    private async ValueTask<Outcome<HttpResponseMessage>> SendOnceAsync(HttpRequestMessage request, int sent, CancellationToken cancellationToken)
    {
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
