namespace Rsspot.Emulator.Diagnostics;

/// <summary>Paths of the emulator's own admin endpoints, which are never logged, faulted or authenticated.</summary>
internal static class AdminPaths
{
    public const string Root = "/_emulator";
}
