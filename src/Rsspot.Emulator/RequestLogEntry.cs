namespace Rsspot.Emulator;

/// <summary>
/// One request the emulator received (admin requests under <c>/_emulator</c> excluded), with secrets redacted:
/// the Authorization header keeps only its scheme, and token-like values in the query, form or JSON body
/// read <see cref="Redacted"/>.
/// </summary>
/// <param name="Time">When the request arrived (emulator clock).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path without the query.</param>
/// <param name="Query">Query string with its leading <c>?</c>, or empty.</param>
/// <param name="Headers">Request headers by name (comma-joined when repeated).</param>
/// <param name="Body">Request body as text, or null when there was none.</param>
/// <param name="Status">Status answered; 0 when the connection was dropped by a fault.</param>
public sealed record RequestLogEntry(
    DateTimeOffset Time,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    int Status)
{
    /// <summary>Text that replaces every secret in the log.</summary>
    public const string Redacted = "[redacted]";

    /// <summary>"METHOD path", the key used by the counters.</summary>
    public string Key => Method + " " + Path;
}
