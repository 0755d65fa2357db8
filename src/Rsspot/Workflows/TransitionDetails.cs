namespace Rsspot.Workflows;

/// <summary>Extra data for a transition.</summary>
public sealed record TransitionDetails
{
    /// <summary>Why the move is made (e.g. <c>vanished</c> for a skip).</summary>
    public string? Reason { get; init; }

    /// <summary>The error, for a move to failed.</summary>
    public string? Error { get; init; }

    /// <summary>The id of an issued join token (store the id, never the token).</summary>
    public string? TokenId { get; init; }

    /// <summary>When the issued join token expires.</summary>
    public DateTimeOffset? TokenExpiresAt { get; init; }

    /// <summary>A JSON payload to store on the record (replaces the previous one).</summary>
    public string? PayloadJson { get; init; }

    /// <summary>The worker making the move; a live lease held by another worker refuses the move.</summary>
    public string? Owner { get; init; }

    /// <summary>The version the caller last read; a different current version refuses the move.</summary>
    public long? ExpectedVersion { get; init; }
}
