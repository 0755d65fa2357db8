using Microsoft.AspNetCore.Http;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Hosting;

/// <summary>Turns an unexpected exception into a 500 Kubernetes Status instead of an empty response.</summary>
internal sealed class ErrorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or a fault dropped the connection): nobody is left to answer.
        }
#pragma warning disable CA1031 // Any failure of a handler must still produce a Status response.
        catch (Exception ex) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            await new ApiOutcome(500, KubeStatus.Failure(500, "InternalError", "emulator error: " + ex.Message)).WriteAsync(context).ConfigureAwait(false);
        }
    }
}
