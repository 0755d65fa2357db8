namespace RegistrationController;

/// <summary>
/// How many VMs a round claims: at most <c>--batch</c>, and no more than the worker drives within half a lease.
/// Claims it cannot reach before their leases run out would be taken over by other replicas, and it would then
/// wait out an external call's latency on each only to find it lost at the fence.
/// </summary>
internal sealed class ClaimSize(int batch, TimeSpan lease)
{
    private readonly int _batch = batch;
    private int _size = batch;

    /// <summary>How long a round drives its claims before it leaves the rest to the next round's claim.</summary>
    public TimeSpan DriveWithin { get; } = lease / 2;

    /// <summary>The next round's claim.</summary>
    public int Size => _size;

    /// <summary>Records a round: <paramref name="driven"/> of <paramref name="claimed"/> were driven within <see cref="DriveWithin"/>.</summary>
    public void Drove(int driven, int claimed) =>
        _size = driven < claimed ? Math.Max(1, driven) : Math.Min(_batch, Math.Max(_size, claimed) * 2);
}
