namespace Rsspot.Cli.Infrastructure;

/// <summary>Process exit codes, stable for scripts.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Other = 1;
    public const int Usage = 2;
    public const int Config = 3;
    public const int Auth = 4;
    public const int Api = 5;
    public const int Transport = 6;

    /// <summary>A refused registration transition or a compare-and-set conflict: the ledger record is not in the expected state.</summary>
    public const int Conflict = 7;
    public const int Cancelled = 130;
}
