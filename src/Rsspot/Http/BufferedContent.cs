using System.Net;

namespace Rsspot.Http;

/// <summary>A response body read whole into memory, readable any number of times and open to inspection.</summary>
internal sealed class BufferedContent : HttpContent
{
    private readonly byte[] _bytes;
    private readonly int _length;

    public BufferedContent(byte[] bytes, int length, HttpContent original)
    {
        _bytes = bytes;
        _length = length;
        foreach (var header in original.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        Headers.ContentLength = length;
    }

    public ReadOnlyMemory<byte> Bytes => _bytes.AsMemory(0, _length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(Bytes).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(Bytes, cancellationToken).AsTask();

    protected override Stream CreateContentReadStream(CancellationToken cancellationToken) => new MemoryStream(_bytes, 0, _length, writable: false);

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult(CreateContentReadStream(default));

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}
