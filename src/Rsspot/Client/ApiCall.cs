using System.Diagnostics;
using System.Net;
using Microsoft.Kiota.Abstractions;
using Rsspot.Diagnostics;
using Rsspot.Generated.Api.Models;
using Rsspot.Http;

namespace Rsspot;

/// <summary>Runs one generated-client call and turns its failures into the SDK's exceptions.</summary>
internal static class ApiCall
{
    public static async Task<T> RunAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, OperationInfo info = default)
    {
        info.Lifetime?.ThrowIfEnded();
        using var activity = info.Name is null ? null : StartSpan(operation, info);
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (activity is not null && Failed(activity, error))
        {
            throw; // not reached: Failed records the error and returns false
        }
        catch (Exception error) when (info.Lifetime is { IsEnded: true } lifetime && error is not ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            throw lifetime.Disposed(error);
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

    private static Activity? StartSpan(string operation, OperationInfo info)
    {
        if (!SpotTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = SpotTelemetry.Source.StartActivity(info.Name!, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(SpotDiagnostics.OperationAttribute, info.Name);
            activity.SetTag(SpotDiagnostics.NamespaceAttribute, info.Namespace);
            activity.SetTag(SpotDiagnostics.ResourceAttribute, QuotedName(operation));
        }

        return activity;
    }

    private static bool Failed(Activity activity, Exception error)
    {
        activity.SetTag("error.type", error.GetType().FullName);
        activity.SetStatus(ActivityStatusCode.Error);
        return false;
    }

    /// <summary>The resource named in an operation's description (the first quoted word), if any.</summary>
    private static string? QuotedName(string operation)
    {
        var start = operation.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : operation.IndexOf('"', start + 1);
        return end > start ? operation[(start + 1)..end] : null;
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

/// <summary>What the telemetry and the disposal check of one call need: the operation's name (<c>group.verb</c>), the namespace, the client's life.</summary>
internal readonly record struct OperationInfo(string? Name, string? Namespace, ClientLifetime? Lifetime);
