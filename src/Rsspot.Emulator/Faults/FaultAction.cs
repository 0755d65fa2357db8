namespace Rsspot.Emulator.Faults;

/// <summary>What to do to one request.</summary>
internal enum FaultAction
{
    None,
    Drop,
    RateLimit,
    Fail,
}
