using System.Text;
using Microsoft.AspNetCore.Http;

namespace Rsspot.Emulator.Diagnostics;

/// <summary>
/// Records every non-admin request (redacted) with the status answered. Buffers the body so that the
/// handler can still read it after the log has.
/// </summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, RequestJournal journal, EmulatorOptions options)
{
    public const string DroppedItem = "rsspot.emulator.dropped";
    private const int MaxLoggedBody = 64 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(AdminPaths.Root, StringComparison.Ordinal) || context.Request.Path.StartsWithSegments(Kube.KubePaths.Root, StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var time = options.TimeProvider.GetUtcNow();
        var request = context.Request;
        request.EnableBuffering();
        var body = await ReadBodyAsync(request, context.RequestAborted).ConfigureAwait(false);
        var headers = request.Headers.ToDictionary(
            h => h.Key,
            h => Redaction.Header(h.Key, h.Value.ToString()),
            StringComparer.OrdinalIgnoreCase);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var dropped = context.Items.ContainsKey(DroppedItem);
            journal.Record(new RequestLogEntry(
                time,
                request.Method,
                request.Path.Value ?? "/",
                Redaction.Query(request.QueryString.Value ?? string.Empty),
                headers,
                body is null ? null : Redaction.Body(request.ContentType, body),
                dropped ? 0 : context.Response.StatusCode));
        }
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any()))
        {
            return null;
        }

        var buffer = new char[MaxLoggedBody];
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        request.Body.Position = 0;
        return new string(buffer, 0, read);
    }
}
