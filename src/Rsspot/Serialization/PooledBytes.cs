using System.Buffers;

namespace Rsspot.Serialization;

/// <summary>A whole stream read into an array rented from the shared pool; disposing gives the array back.</summary>
internal sealed class PooledBytes : IDisposable
{
    private byte[]? _array;

    private PooledBytes(byte[] array, int length)
    {
        _array = array;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => (_array ?? throw new ObjectDisposedException(nameof(PooledBytes))).AsMemory(0, Length);

    public static async Task<PooledBytes> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        var array = ArrayPool<byte>.Shared.Rent(content.CanSeek ? (int)Math.Max(content.Length - content.Position, 1) : 4096);
        try
        {
            var length = 0;
            int read;
            while ((read = await content.ReadAsync(array.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == array.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(array.Length * 2);
                    array.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(array);
                    array = larger;
                }
            }

            return new PooledBytes(array, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }
    }

    /// <summary>A copy of <paramref name="content"/> in pooled memory.</summary>
    public static PooledBytes Copy(ReadOnlySpan<byte> content)
    {
        var array = ArrayPool<byte>.Shared.Rent(Math.Max(content.Length, 1));
        content.CopyTo(array);
        return new PooledBytes(array, content.Length);
    }

    /// <summary>A read-only stream over the bytes (valid until disposal of this object).</summary>
    public MemoryStream AsStream() => new(_array ?? throw new ObjectDisposedException(nameof(PooledBytes)), 0, Length, writable: false);

    public void Dispose()
    {
        var array = Interlocked.Exchange(ref _array, null);
        if (array is not null)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
