using System.Net;
using Microsoft.Kiota.Abstractions;
using Rsspot.Generated.Api.Models;

namespace Rsspot;

/// <summary>Runs one generated-client call and turns its failures into the SDK's exceptions.</summary>
internal static class ApiCall
{
    public static async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Status status)
        {
            throw FromStatus(operation, status);
        }
        catch (ApiException error)
        {
            var code = (HttpStatusCode)error.ResponseStatusCode;
            throw new SpotApiException($"{Capitalize(operation)} failed: HTTP {(int)code} {code}. {NextStep(code, null)}", code, null, null, operation, error);
        }
        catch (HttpRequestException error)
        {
            throw Transport(operation, error);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpotTransportException($"{Capitalize(operation)} timed out. Check the network or raise request_timeout_seconds.", error);
        }
    }

    public static SpotTransportException Transport(string operation, HttpRequestException error) =>
        new($"{Capitalize(operation)} failed: could not reach the Spot API ({error.Message}). Check base_url and the network, then try again.", error);

    public static SpotApiException FromStatus(string operation, Status status)
    {
        var code = (HttpStatusCode)(status.Code ?? status.ResponseStatusCode);
        var fields = status.Details?.Causes?.Select(c => c.Field).OfType<string>().ToList() ?? [];
        var apiMessage = string.IsNullOrWhiteSpace(status.Message) ? null : status.Message;
        return Failure(operation, code, status.Reason, apiMessage, status, fields);
    }

    /// <summary>The SDK's error for an API answer: what failed, the server's words, and what to do next.</summary>
    public static SpotApiException Failure(string operation, HttpStatusCode code, string? reason, string? apiMessage, Exception? inner = null, IReadOnlyList<string>? fields = null)
    {
        var what = apiMessage ?? reason ?? code.ToString();
        var message = $"{Capitalize(operation)} failed: {what} (HTTP {(int)code}{(reason is null ? string.Empty : " " + reason)}). {NextStep(code, reason)}";
        return new SpotApiException(message.TrimEnd(), code, reason, apiMessage, operation, inner) { Fields = fields ?? [] };
    }

    internal static string NextStep(HttpStatusCode code, string? reason) => (code, reason) switch
    {
        (HttpStatusCode.NotFound, _) => "Check the name and the organization.",
        (HttpStatusCode.Conflict, _) => "Pick another name or update the existing object.",
        (HttpStatusCode.UnprocessableEntity, _) or (HttpStatusCode.BadRequest, _) => "Fix the named field and try again.",
        (HttpStatusCode.Forbidden, _) => "The token's user does not belong to that organization; pick another organization.",
        (HttpStatusCode.Unauthorized, _) => AuthException.HowToFix,
        (HttpStatusCode.TooManyRequests, _) => "The API is rate limiting; wait a moment and try again.",
        _ when (int)code >= 500 => "The Spot API failed; try again later.",
        _ => string.Empty,
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
