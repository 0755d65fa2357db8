namespace Rsspot.Http;

/// <summary>
/// The life of one client: once ended, nothing more is sent and requests in flight are cancelled, and the
/// caller sees <see cref="ObjectDisposedException"/> rather than a timeout.
/// </summary>
internal sealed class ClientLifetime(string ownerName)
{
    private readonly CancellationTokenSource _ended = new();
    private int _state;

    public bool IsEnded => Volatile.Read(ref _state) != 0;

    public CancellationToken Token => _ended.Token;

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming the client type once the life has ended.</summary>
    public void ThrowIfEnded()
    {
        if (IsEnded)
        {
            throw new ObjectDisposedException(ownerName);
        }
    }

    public ObjectDisposedException Disposed(Exception? cause = null) =>
        new($"The {ownerName} was disposed while the call was running.", cause);

    /// <summary>Ends the life: later calls fail at once, calls in flight are cancelled.</summary>
    public void End()
    {
        if (Interlocked.Exchange(ref _state, 1) == 0)
        {
            _ended.Cancel();
        }
    }
}
