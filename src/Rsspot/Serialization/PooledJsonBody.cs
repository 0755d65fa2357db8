using System.Buffers;
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

    private readonly byte[] _buffer;
    private readonly JsonDocument _document;
    private bool _keepAlive;
    private int _released;

    private PooledJsonBody(byte[] buffer, JsonDocument document)
    {
        _buffer = buffer;
        _document = document;
    }

    public JsonElement Root => _document.RootElement;

    /// <summary>Reads the whole stream and parses it as JsonDocument.Parse would (one value, a UTF-8 BOM skipped).</summary>
    public static async Task<PooledJsonBody> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(content.CanSeek ? (int)Math.Max(content.Length - content.Position, 1) : 4096);
        try
        {
            var length = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            var json = buffer.AsMemory(0, length);
            var document = JsonDocument.Parse(json.Span.StartsWith(Utf8Bom) ? json[Utf8Bom.Length..] : json);
            return new PooledJsonBody(buffer, document);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
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
        ArrayPool<byte>.Shared.Return(_buffer);
    }
}
