using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rsspot.Auth;
using Rsspot.Diagnostics;

namespace Rsspot.Http;

/// <summary>
/// Adds <c>Authorization: Bearer &lt;id_token&gt;</c>. After a 401 on a token believed valid, refreshes once
/// and retries once. Operations that take no bearer (kubeconfig generation, requests marked
/// <see cref="SpotRequestOptions.Anonymous"/>) pass through untouched.
/// </summary>
public sealed partial class AuthHandler(TokenManager tokens) : DelegatingHandler
{
    /// <summary>Where 401 recoveries are logged.</summary>
    internal ILogger Logger { get; init; } = NullLogger.Instance;

    private const string KubeconfigPath = "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig";

    private AuthenticationHeaderValue? _header;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!RequiresToken(request))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = HeaderFor(token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        SpotTelemetry.Event("rsspot.auth.unauthorized_retry");
        if (Logger.IsEnabled(LogLevel.Information))
        {
            LogRecovery(Logger, request.Method.Method, RedactedUrl.Of(request.RequestUri));
        }

        var fresh = await tokens.RefreshAsync(token, cancellationToken).ConfigureAwait(false);
        var retry = await RequestCloner.CloneAsync(request, cancellationToken).ConfigureAwait(false);
        retry.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "{Method} {Url} answered 401 with a token believed valid; refreshing the token and sending once more")]
    private static partial void LogRecovery(ILogger logger, string method, string url);

    /// <summary>One header value per token, shared by the requests that use it (the value is immutable).</summary>
    private AuthenticationHeaderValue HeaderFor(string token)
    {
        var header = _header;
        if (header is null || !ReferenceEquals(header.Parameter, token))
        {
            _header = header = new AuthenticationHeaderValue("Bearer", token);
        }

        return header;
    }

    private static bool RequiresToken(HttpRequestMessage request) =>
        !request.IsSet(SpotRequestOptions.Anonymous)
        && !string.Equals(request.RequestUri?.AbsolutePath, KubeconfigPath, StringComparison.Ordinal);
}
