using System.Diagnostics;
using System.Net;
using Microsoft.Kiota.Abstractions;
using Rsspot.Diagnostics;
using Rsspot.Generated.Api.Models;
using Rsspot.Http;
using Rsspot.Security;

namespace Rsspot;

/// <summary>
/// Runs one generated-client call and turns its failures into the SDK's exceptions. Everything the server wrote
/// reaches a message only cleaned of control characters and with echoed secrets masked.
/// </summary>
internal static class ApiCall
{
    public static async Task<T> RunAsync<T>(SpotContext context, string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, OperationInfo info = default)
    {
        info.Lifetime?.ThrowIfEnded();
        using var activity = info.Name is null ? null : StartSpan(operation, info);
        Task<T>? pending = null;
        try
        {
            pending = call(cancellationToken);
            if (!cancellationToken.CanBeCanceled || pending.IsCompleted)
            {
                return await pending.ConfigureAwait(false);
            }

            // A caller that cancels is answered at once. Every async layer below (handlers, retry, Kiota, HttpClient)
            // rethrows the cancellation with a longer stack trace on its way up, which took seconds for hundreds of
            // calls; the request is still cancelled and unwinds on its own (Observe keeps its end from going unseen).
            return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (activity is not null && Failed(activity, error))
        {
            throw; // not reached: Failed records the error and returns false
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && pending is { IsCompleted: false } unwinding && Observe(unwinding))
        {
            throw; // not reached: Observe returns false, so the cancellation leaves without being caught and thrown again
        }
        catch (Exception error) when (info.Lifetime is { IsEnded: true } lifetime && error is not ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            throw lifetime.Disposed(error);
        }
        catch (ApiException error)
        {
            throw FromApi(context, operation, error);
        }
        catch (HttpRequestException error)
        {
            throw FromHttp(operation, error);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpotTransportException($"{Capitalize(operation)} timed out. Check the network or raise request_timeout_seconds.", error);
        }
    }

    private static bool Observe(Task task)
    {
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return false;
    }

    /// <summary>A failure below the API's own answers: an unusable answer, a timeout, or no connection.</summary>
    public static SpotException FromHttp(string operation, HttpRequestException error) => error switch
    {
        // A 401 is an auth answer whatever its body (a proxy's HTML login page included).
        UnexpectedResponseException { Status: HttpStatusCode.Unauthorized } unauthorized => Unauthorized(operation, null, unauthorized),
        UnexpectedResponseException unexpected => new SpotApiException(
            $"{Capitalize(operation)} failed: {unexpected.Message}.", unexpected.Status, UnexpectedReason, null, operation, unexpected),
        RequestTimedOutException timedOut => new SpotTransportException(
            $"{Capitalize(operation)} timed out: {timedOut.Message}. Check the network or raise request_timeout_seconds.", timedOut),
        _ => Transport(operation, error),
    };

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

    /// <summary>The <see cref="SpotApiException.Reason"/> of answers that are not a usable API answer (redirects, non-JSON bodies).</summary>
    public const string UnexpectedReason = "UnexpectedResponse";

    public static SpotTransportException Transport(string operation, HttpRequestException error) => OnPriceHost(operation)
        ? new($"{Capitalize(operation)} failed: could not reach the price data host ({ServerText.Clean(error.Message)}). Check price_data_url and the network, then try again.", error)
        : new($"{Capitalize(operation)} failed: could not reach the Spot API ({ServerText.Clean(error.Message)}). Check base_url and the network, then try again.", error);

    /// <summary>The operations served by the public price documents (price_data_url), not the Spot API.</summary>
    private static bool OnPriceHost(string operation) =>
        operation.StartsWith("get the price history of ", StringComparison.Ordinal) || operation.StartsWith("read the price document ", StringComparison.Ordinal);

    /// <summary>
    /// The SDK's error for a failed answer: the reason, words and fields the server wrote, read from the body whatever
    /// its shape (see <see cref="ServerError"/>), else from the typed error the generated client made of it.
    /// </summary>
    public static SpotException FromApi(SpotContext context, string operation, ApiException error)
    {
        var code = (HttpStatusCode)(error is Status { Code: { } statusCode } ? statusCode : error.ResponseStatusCode);
        var body = ServerError.Of(error) ?? Typed(error);
        return FromBody(context, operation, code, body, error);
    }

    /// <summary>The SDK's error for a failed answer whose body was read into <paramref name="body"/>.</summary>
    public static SpotException FromBody(SpotContext context, string operation, HttpStatusCode code, ServerError? body, Exception inner)
    {
        var apiMessage = string.IsNullOrWhiteSpace(body?.Message) ? null : Shorten(ServerText.Redact(body.Message, context.Secrets()));
        var reason = string.IsNullOrWhiteSpace(body?.Reason) ? null : Shorten(ServerText.Clean(body.Reason));
        var fields = body?.Fields.Select(f => Shorten(ServerText.Clean(f))).ToList() ?? [];
        return code == HttpStatusCode.Unauthorized
            ? Unauthorized(operation, apiMessage, inner)
            : Failure(operation, code, reason, apiMessage, inner, fields);
    }

    private static ServerError? Typed(ApiException error) => error switch
    {
        Status status => new ServerError(status.Reason, status.Message, status.Details?.Causes?.Select(c => c.Field).OfType<string>().ToList() ?? []),
        OAuthError oauth => new ServerError(oauth.Error, oauth.ErrorDescription ?? oauth.Error, []),
        _ => null,
    };

    /// <summary>Server text in a one-line message is kept to a readable length.</summary>
    private static string Shorten(string text) => text.Length <= MaxServerText ? text : string.Concat(text.AsSpan(0, MaxServerText), "…");

    private const int MaxServerText = 500;

    /// <summary>
    /// The SDK's error for an API answer: what failed, the server's words, and what to do next. The reason and
    /// message must already be cleaned (<see cref="ServerText"/>).
    /// </summary>
    public static SpotApiException Failure(string operation, HttpStatusCode code, string? reason, string? apiMessage, Exception? inner = null, IReadOnlyList<string>? fields = null)
    {
        fields ??= [];
        var what = (apiMessage ?? reason ?? code.ToString()).TrimEnd('.');
        var said = reason is null || string.Equals(reason, apiMessage, StringComparison.Ordinal) ? string.Empty : " " + reason;
        var named = fields.Count == 0 ? string.Empty : $" Invalid: {string.Join(", ", fields)}.";
        var error = new SpotApiException(string.Empty, code, reason, apiMessage, operation, inner) { Fields = fields };
        var next = code == HttpStatusCode.TooManyRequests && RetryAfterOf(inner) is { } asked ? RateLimited(asked) : NextStep(error);
        var message = $"{Capitalize(operation)} failed: {what} (HTTP {(int)code}{said}).{named} {next}";
        return new SpotApiException(message.TrimEnd(), code, reason, apiMessage, operation, inner) { Fields = fields };
    }

    /// <summary>The API refused the request even though the client sent a freshly refreshed token.</summary>
    public static AuthException Unauthorized(string operation, string? apiMessage, Exception inner) =>
        new($"{Capitalize(operation)} was refused: the Spot API answered 401 Unauthorized{(apiMessage is null ? string.Empty : $" ({apiMessage})")} even with a fresh token. {AuthException.HowToFix}", inner);

    internal static string NextStep(SpotApiException error) => error.StatusCode switch
    {
        _ when error.IsNotFound => "Check the name and the organization.",
        HttpStatusCode.Conflict when error.IsAlreadyExists => "Pick another name or update the existing object.",
        HttpStatusCode.Conflict => "Read the object again and retry the change.",
        HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest when error.Fields.Count > 0 => "Fix the named field and try again.",
        HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest when error.ApiMessage is null => "Check the request's values and try again.",
        HttpStatusCode.Forbidden => "The token's user does not belong to that organization; pick another organization.",
        HttpStatusCode.Unauthorized => AuthException.HowToFix,
        HttpStatusCode.TooManyRequests => "The API is rate limiting; wait a moment and try again.",
        _ when (int)error.StatusCode >= 500 => "The Spot API failed; try again later.",
        _ => string.Empty,
    };

    /// <summary>The Retry-After header of a Kiota error answer, as the server wrote it (cleaned), if any.</summary>
    private static string? RetryAfterOf(Exception? error)
    {
        if (error is not ApiException { ResponseHeaders: { } headers })
        {
            return null;
        }

        foreach (var (name, values) in headers)
        {
            if (string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase) && values.FirstOrDefault() is { Length: > 0 } value)
            {
                return ServerText.Clean(value);
            }
        }

        return null;
    }

    /// <summary>What to do after a 429 whose Retry-After asked for a delay: that delay, in the server's terms.</summary>
    internal static string RateLimited(string retryAfter)
    {
        if (long.TryParse(retryAfter, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            var span = TimeSpan.FromSeconds(Math.Min(seconds, 315_360_000));
            var human = span.TotalHours >= 1 ? $" ({span.TotalHours:0.#} h)" : span.TotalMinutes >= 1 ? $" ({span.TotalMinutes:0.#} min)" : string.Empty;
            return $"The API is rate limiting and asked to wait {seconds} s{human} (Retry-After) before trying again.";
        }

        return DateTimeOffset.TryParse(retryAfter, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var until)
            ? $"The API is rate limiting and asked to wait until {until.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC (Retry-After) before trying again."
            : "The API is rate limiting; wait a moment and try again.";
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
