using System.Net;

namespace Rsspot.Http;

/// <summary>A response body read whole into memory, readable any number of times and open to inspection.</summary>
internal sealed class BufferedContent : HttpContent
{
    private readonly byte[] _bytes;

    public BufferedContent(byte[] bytes, HttpContent original)
    {
        _bytes = bytes;
        foreach (var header in original.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        Headers.ContentLength = bytes.Length;
    }

    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The body itself, not a copy: callers must not change it.</summary>
    public byte[] Body => _bytes;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Bytes).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Bytes, cancellationToken).AsTask();

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new MemoryStream(_bytes, writable: false);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(CreateContentReadStream(default));

    protected override bool TryComputeLength(out long length)
    {
        length = _bytes.Length;
        return true;
    }
}
