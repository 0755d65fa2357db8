using System.Buffers;
using System.Net;
using Rsspot.Serialization;

namespace Rsspot.Http;

/// <summary>
/// A response body read whole into memory, readable any number of times and open to inspection. The memory is rented
/// from <see cref="ArrayPool{T}.Shared"/> and given back when the content (or its response) is disposed: read it, or
/// copy it (<see cref="Bytes"/>), before disposing the response, as with any <see cref="HttpContent"/>.
/// </summary>
internal sealed class BufferedContent : HttpContent
{
    private byte[]? _rented;
    private readonly byte[] _bytes;
    private readonly int _length;
    private PooledJsonBody? _json;

    /// <summary>Takes ownership of <paramref name="rented"/> (its first <paramref name="length"/> bytes are the body).</summary>
    public BufferedContent(byte[] rented, int length, HttpContent original)
    {
        _rented = _bytes = rented;
        _length = length;

        // The raw header values, copied unparsed (enumerating Headers would parse each into a new object first).
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (values.Count == 1)
            {
                Headers.TryAddWithoutValidation(name, values.ToString());
            }
            else
            {
                Headers.TryAddWithoutValidation(name, values);
            }
        }

        Headers.ContentLength = length;
    }

    /// <summary>The body itself, not a copy, valid until the content is disposed.</summary>
    public ReadOnlyMemory<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_rented is null, this);
            return _bytes.AsMemory(0, _length);
        }
    }

    /// <summary>
    /// Keeps the body as the JSON check parsed it, for the request adapter to map without parsing it again; released
    /// with the content if nobody takes it.
    /// </summary>
    public void KeepJson(PooledJsonBody json) => Interlocked.Exchange(ref _json, json)?.Release();

    /// <summary>The parsed body kept by <see cref="KeepJson"/>, once; the taker releases it.</summary>
    public PooledJsonBody? TakeJson() => Interlocked.Exchange(ref _json, null);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Bytes).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Bytes, cancellationToken).AsTask();

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_rented is null, this);
        return new MemoryStream(_bytes, 0, _length, writable: false);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(CreateContentReadStream(default));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Interlocked.Exchange(ref _json, null)?.Release();
        }

        if (disposing && Interlocked.Exchange(ref _rented, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        base.Dispose(disposing);
    }
}
