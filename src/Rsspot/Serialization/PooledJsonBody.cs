using System.Text.Json;

namespace Rsspot.Serialization;

/// <summary>
/// A response body in a pooled buffer and the pooled <see cref="JsonDocument"/> over it, both returned to their pools
/// once the models are read, unless a value read from it still points into it: Kiota's untyped values (an unknown
/// array or object kept in <c>AdditionalData</c>) enumerate the document lazily, so then the document is left to the
/// garbage collector instead.
/// </summary>
internal sealed class PooledJsonBody
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly PooledBytes _bytes;
    private readonly JsonDocument _document;
    private bool _keepAlive;
    private int _released;

    private PooledJsonBody(PooledBytes bytes, JsonDocument document)
    {
        _bytes = bytes;
        _document = document;
    }

    public JsonElement Root => _document.RootElement;

    /// <summary>Reads the whole stream and parses it as JsonDocument.Parse would (one value, a UTF-8 BOM skipped).</summary>
    public static async Task<PooledJsonBody> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        return Parse(await PooledBytes.ReadAsync(content, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Copies a body that is already in memory and parses it, as <see cref="ReadAsync"/> does.</summary>
    public static PooledJsonBody Parse(ReadOnlySpan<byte> content) => Parse(PooledBytes.Copy(content));

    /// <summary>
    /// Copies and parses a body as the pipeline's JSON check judges one (a single value, nested at most 256 deep, no
    /// UTF-8 BOM); <see langword="null"/> when it is not JSON.
    /// </summary>
    public static PooledJsonBody? TryParseChecked(ReadOnlySpan<byte> content)
    {
        var bytes = PooledBytes.Copy(content);
        try
        {
            return new PooledJsonBody(bytes, JsonDocument.Parse(bytes.Memory, new JsonDocumentOptions { MaxDepth = MaxDepth }));
        }
        catch (JsonException)
        {
            bytes.Dispose();
            return null;
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    /// <summary>The deepest nesting the pipeline's JSON check accepts.</summary>
    public const int MaxDepth = 256;

    /// <summary>Whether <paramref name="content"/> starts with a UTF-8 byte order mark.</summary>
    public static bool HasBom(ReadOnlySpan<byte> content) => content.StartsWith(Utf8Bom);

    private static PooledJsonBody Parse(PooledBytes bytes)
    {
        try
        {
            var json = bytes.Memory;
            return new PooledJsonBody(bytes, JsonDocument.Parse(json.Span.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json));
        }
        catch
        {
            bytes.Dispose();
            throw;
        }
    }

    /// <summary>Something read from the document may use it later: never return it to the pools.</summary>
    public void KeepAlive() => _keepAlive = true;

    public void Release()
    {
        if (_keepAlive || Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        _document.Dispose();
        _bytes.Dispose();
    }
}
