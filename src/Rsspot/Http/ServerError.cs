using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Rsspot.Http;

/// <summary>
/// What a server wrote in an error answer, whatever the body's shape: a Kubernetes <c>Status</c>
/// (<c>reason</c>, <c>message</c>, <c>details.causes[].field</c>), the OAuth-style <c>{error, error_description}</c>
/// of the auth endpoints, a bare <c>{"error": "text"}</c>, or <c>{message}</c>/<c>{detail}</c> from a gateway.
/// Texts are raw: callers clean and redact them before they reach a message.
/// </summary>
internal sealed record ServerError(string? Reason, string? Message, IReadOnlyList<string> Fields)
{
    private const int MaxDepth = 16;
    private const int MaxFields = 20;

    private static readonly ConditionalWeakTable<Exception, ServerError> Attached = [];

    /// <summary>The error body read for a failed call, if one was attached to its exception.</summary>
    public static ServerError? Of(Exception error) => Attached.TryGetValue(error, out var body) ? body : null;

    /// <summary>Attaches the body to the exception a failed call throws; returns false, to be used as an exception filter.</summary>
    public static bool Attach(Exception error, ServerError? body)
    {
        if (body is not null)
        {
            Attached.AddOrUpdate(error, body);
        }

        return false;
    }

    /// <summary>Reads an error body; null when it is not a JSON object or names nothing.</summary>
    public static ServerError? Parse(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
            using var document = JsonDocument.ParseValue(ref reader);
            return From(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ServerError? From(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? reason;
        string? message;
        if (Text(root, "error") is { } error)
        {
            // OAuth style: a code in "error" and the words in "error_description"; a bare "error" may hold the words.
            var description = Text(root, "error_description");
            reason = IsCode(error) ? error : null;
            message = description ?? (reason is null ? error : Text(root, "message"));
        }
        else if (root.TryGetProperty("error", out var nested) && nested.ValueKind == JsonValueKind.Object)
        {
            reason = Text(nested, "code") ?? Text(nested, "status");
            message = Text(nested, "message");
        }
        else
        {
            reason = Text(root, "reason");
            message = Text(root, "message") ?? Text(root, "detail") ?? Text(root, "title");
        }

        var fields = CausedFields(root);
        return reason is null && message is null && fields.Count == 0 ? null : new ServerError(reason, message, fields);
    }

    private static List<string> CausedFields(JsonElement root)
    {
        var fields = new List<string>();
        if (root.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object
            && details.TryGetProperty("causes", out var causes) && causes.ValueKind == JsonValueKind.Array)
        {
            foreach (var cause in causes.EnumerateArray())
            {
                if (fields.Count < MaxFields && cause.ValueKind == JsonValueKind.Object && Text(cause, "field") is { } field)
                {
                    fields.Add(field);
                }
            }
        }

        return fields;
    }

    /// <summary>A machine code such as <c>invalid_request</c> or <c>NotFound</c> rather than a sentence.</summary>
    private static bool IsCode(string text) => text.Length <= 64 && !text.Any(char.IsWhiteSpace);

    private static string? Text(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            && !string.IsNullOrWhiteSpace(text)
            ? text
            : null;
}
