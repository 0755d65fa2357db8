using System.Globalization;
using Microsoft.AspNetCore.Http;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Diagnostics;

namespace Rsspot.Emulator.Faults;

/// <summary>Applies the fault decided for each non-admin request: delay, dropped connection, 429 or 5xx.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(AdminPaths.Root, StringComparison.Ordinal) || context.Request.Path.StartsWithSegments(Kube.KubePaths.Root, StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var decision = faults.Decide(context.Request.Method, context.Request.Path.Value ?? "/");
        if (decision.LatencyMs > 0)
        {
            await Task.Delay(decision.LatencyMs, context.RequestAborted).ConfigureAwait(false);
        }

        switch (decision.Action)
        {
            case FaultAction.Drop:
                context.Items[RequestLogMiddleware.DroppedItem] = true;
                context.Abort();
                return;
            case FaultAction.RateLimit:
                context.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                var details = new System.Text.Json.Nodes.JsonObject { ["retryAfterSeconds"] = decision.RetryAfterSeconds };
                await new ApiOutcome(429, KubeStatus.Failure(429, "TooManyRequests", "Too many requests, please try again later.", details))
                    .WriteAsync(context).ConfigureAwait(false);
                return;
            case FaultAction.Fail:
                var reason = decision.Status == 503 ? "ServiceUnavailable" : decision.Status == 504 ? "Timeout" : "InternalError";
                await new ApiOutcome(decision.Status, KubeStatus.Failure(decision.Status, reason, $"injected fault: the server answered {decision.Status}"))
                    .WriteAsync(context).ConfigureAwait(false);
                return;
            default:
                await next(context).ConfigureAwait(false);
                return;
        }
    }
}
