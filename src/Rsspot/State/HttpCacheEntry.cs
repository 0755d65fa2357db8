using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>One cached HTTP response.</summary>
/// <param name="Key">Cache key (the caller includes method, URL and identity).</param>
/// <param name="StatusCode">HTTP status code.</param>
/// <param name="ContentType">Content-Type header, if any.</param>
/// <param name="Body">Response body.</param>
/// <param name="StoredAt">When it was stored.</param>
/// <param name="ExpiresAt">When it stops being served.</param>
[SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "A response body is a byte array by nature.")]
public sealed record HttpCacheEntry(string Key, int StatusCode, string? ContentType, byte[] Body, DateTimeOffset StoredAt, DateTimeOffset ExpiresAt);
