namespace Rsspot.State;

/// <summary>Options of a <see cref="StateStore"/>.</summary>
public sealed record StateStoreOptions
{
    /// <summary>How many command history entries are kept (newest first); older ones are pruned. Default 1000.</summary>
    public int HistoryLimit { get; init; } = 1000;

    /// <summary>How long a write waits for another process's lock before failing. Default 5 s.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
