using System.Diagnostics;
using Rsspot.Http;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// <c>--verbose</c> request log: METHOD URL STATUS ms on stderr. Never headers or bodies; query values with
/// secret-looking names, URL credentials and every known secret value (in the path or the query) are masked.
/// A per-attempt handler of the client (inside the retry layer), so each retry shows and cache hits do not.
/// </summary>
internal sealed class VerboseHttpLog : DelegatingHandler
{
    private readonly TextWriter _log;
    private readonly ArgumentRedactor? _redactor;

    public VerboseHttpLog(TextWriter log, ArgumentRedactor? redactor = null)
    {
        _log = log;
        _redactor = redactor;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var url = RedactedUrl.Of(request.RequestUri);
        url = _redactor?.RedactText(url) ?? url;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Write($"{request.Method} {url} {(int)response.StatusCode} {Elapsed(started)} ms");
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Write($"{request.Method} {url} failed ({ex.GetType().Name}) {Elapsed(started)} ms");
            throw;
        }
    }

    private static long Elapsed(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private void Write(string line)
    {
        lock (_log)
        {
            _log.WriteLine("[http] " + line);
        }
    }
}
