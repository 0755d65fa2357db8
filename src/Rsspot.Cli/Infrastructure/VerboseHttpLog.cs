using System.Diagnostics;
using Rsspot.Security;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// <c>--verbose</c> request log: METHOD URL STATUS ms on stderr. Never headers or bodies; query values with
/// secret-looking names, URL credentials and every known secret value (in the path or the query) are masked.
/// Sits at the transport, so cache hits do not appear.
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
        var url = SafeUrl(request.RequestUri);
        url = _redactor?.RedactText(url) ?? SecretRedactor.RedactUrlCredentials(url);
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

    private static string SafeUrl(Uri? uri)
    {
        if (uri is null)
        {
            return "?";
        }

        var baseUrl = uri.GetLeftPart(UriPartial.Path);
        if (string.IsNullOrEmpty(uri.Query) || uri.Query == "?")
        {
            return baseUrl;
        }

        var pairs = uri.Query.TrimStart('?').Split('&').Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                return pair;
            }

            var name = Uri.UnescapeDataString(pair[..eq]);
            var value = Uri.UnescapeDataString(pair[(eq + 1)..]);
            return pair[..eq] + "=" + Uri.EscapeDataString(SecretRedactor.RedactValue(name, value) ?? string.Empty);
        });
        return baseUrl + "?" + string.Join('&', pairs);
    }

    private void Write(string line)
    {
        lock (_log)
        {
            _log.WriteLine("[http] " + line);
        }
    }
}
