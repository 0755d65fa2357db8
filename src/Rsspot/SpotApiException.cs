using System.Net;

namespace Rsspot;

/// <summary>
/// The Spot API answered with an error. <see cref="Reason"/>, <see cref="ApiMessage"/> and <see cref="Fields"/> hold
/// what the server wrote, from a Kubernetes <c>Status</c> (<c>reason</c>, <c>message</c>, <c>details.causes</c>) or an
/// OAuth-style body (<c>error</c>, <c>error_description</c>).
/// </summary>
public sealed class SpotApiException : SpotException
{
    /// <summary>Creates the exception.</summary>
    public SpotApiException(string message, HttpStatusCode statusCode, string? reason, string? apiMessage, string operation, Exception? innerException = null)
        : base(message, innerException ?? new InvalidOperationException(message))
    {
        StatusCode = statusCode;
        Reason = reason;
        ApiMessage = apiMessage;
        Operation = operation;
    }

    /// <summary>HTTP status code of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>
    /// The server's reason: a Kubernetes reason such as <c>NotFound</c>, <c>AlreadyExists</c>, <c>Invalid</c>, or the
    /// OAuth-style <c>error</c> code such as <c>invalid_request</c>; null when the server gave none.
    /// </summary>
    public string? Reason { get; }

    /// <summary>The server's words (a <c>Status</c> message or an <c>error_description</c>), cleaned of control characters and with echoed secrets masked.</summary>
    public string? ApiMessage { get; }

    /// <summary>What the client was doing, e.g. <c>create cloudspace "prod"</c>.</summary>
    public string Operation { get; }

    /// <summary>Fields the server named as invalid (from <c>details.causes</c>).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>The request id the server sent back, when it sent one.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// True when the object was not found: a 404, a <c>NotFound</c> reason, or a refusal whose words say so (the
    /// kubeconfig endpoint answers 400 with "Cloudspace 'x' not found in organization 'y'.").
    /// </summary>
    public bool IsNotFound =>
        StatusCode == HttpStatusCode.NotFound
        || string.Equals(Reason, "NotFound", StringComparison.OrdinalIgnoreCase)
        || (StatusCode == HttpStatusCode.BadRequest && SaysNotFound(ApiMessage));

    /// <summary>True when the object already exists (409 with reason <c>AlreadyExists</c>, or with no reason).</summary>
    public bool IsAlreadyExists =>
        StatusCode == HttpStatusCode.Conflict && (Reason is null || string.Equals(Reason, "AlreadyExists", StringComparison.OrdinalIgnoreCase));

    private static bool SaysNotFound(string? text) =>
        text is not null && (text.Contains(" not found", StringComparison.OrdinalIgnoreCase) || text.StartsWith("not found", StringComparison.OrdinalIgnoreCase));
}
