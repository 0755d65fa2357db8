namespace Rsspot.Http;

/// <summary>A stored GET answer.</summary>
/// <param name="StatusCode">HTTP status (only 200 answers are stored).</param>
/// <param name="ContentType">Content-Type of the body.</param>
/// <param name="Body">The body bytes.</param>
/// <param name="ExpiresAt">When the entry stops being served.</param>
public sealed record CachedResponse(int StatusCode, string? ContentType, byte[] Body, DateTimeOffset ExpiresAt);
