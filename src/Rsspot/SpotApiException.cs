using System.Net;

namespace Rsspot;

/// <summary>The Spot API answered with an error (a Kubernetes <c>Status</c> where the API gives one).</summary>
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

    /// <summary>Kubernetes reason such as <c>NotFound</c>, <c>AlreadyExists</c>, <c>Invalid</c>, <c>Forbidden</c>.</summary>
    public string? Reason { get; }

    /// <summary>The message of the Kubernetes <c>Status</c>, as the server wrote it.</summary>
    public string? ApiMessage { get; }

    /// <summary>What the client was doing, e.g. <c>create cloudspace "prod"</c>.</summary>
    public string Operation { get; }

    /// <summary>Fields the server named as invalid (from <c>details.causes</c>).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>The request id the server sent back, when it sent one.</summary>
    public string? RequestId { get; init; }

    /// <summary>True when the object was not found (404).</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>True when the object already exists (409 AlreadyExists).</summary>
    public bool IsAlreadyExists => StatusCode == HttpStatusCode.Conflict;
}
