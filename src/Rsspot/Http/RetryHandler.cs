using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Rsspot.Http;

/// <summary>
/// The one retry layer of the pipeline (Polly): exponential backoff with jitter, capped, honouring
/// Retry-After, with a per-attempt timeout. See <see cref="RetryDecision"/> for what is retried.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
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
                ShouldHandle = args => ValueTask.FromResult(
                    RetryDecision.ShouldRetry(RequestOf(args.Context), args.Outcome.Result, args.Outcome.Exception, options.RetryStatuses, options.RetryUnsafeMethods)),
                DelayGenerator = args =>
                {
                    var wait = RetryDecision.RetryAfter(args.Outcome.Result, _time.GetUtcNow());
                    return ValueTask.FromResult(wait is null ? (TimeSpan?)null : Min(wait.Value, options.MaxDelay));
                },
                OnRetry = args =>
                {
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
        var attempt = 0;
        try
        {
            return await _pipeline.Value.ExecuteAsync(
                async (ctx, state) =>
                {
                    // The first attempt sends the caller's request; later ones send copies of it.
                    var message = Interlocked.Increment(ref attempt) == 1
                        ? state
                        : await RequestCloner.CloneAsync(state, ctx.CancellationToken).ConfigureAwait(false);
                    return await base.SendAsync(message, ctx.CancellationToken).ConfigureAwait(false);
                },
                context,
                request).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RequestTimedOutException(request.RequestUri?.Authority ?? "the server", ex.Timeout, ex.Timeout == _operationTimeout, ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static HttpMethod RequestOf(ResilienceContext context) =>
        context.Properties.TryGetValue(MethodKey, out var method) ? method : HttpMethod.Get;

    private static bool IsFinite(TimeSpan timeout) => timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
