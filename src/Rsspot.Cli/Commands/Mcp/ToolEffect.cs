namespace Rsspot.Cli.Commands.Mcp;

/// <summary>What a tool does to the account, which decides its annotations (hosts ask before destructive tools).</summary>
internal enum ToolEffect
{
    /// <summary>Changes nothing; calling it again gives the same kind of answer.</summary>
    Read,

    /// <summary>Adds something new (a cloudspace, a pool); a second call adds another or fails.</summary>
    Create,

    /// <summary>Can delete, scale down or change a bid; the same call again changes nothing more.</summary>
    Change,

    /// <summary>Can change bids, and what it changes depends on the market at the time (not idempotent).</summary>
    ChangeByMarket,
}
