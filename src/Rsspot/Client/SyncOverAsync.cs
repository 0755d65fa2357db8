namespace Rsspot;

/// <summary>
/// Runs an async operation for a blocking caller. Refuses to block on a single-threaded
/// <see cref="SynchronizationContext"/> (a UI thread and the like), where blocking freezes the thread and
/// classic sync-over-async code deadlocks. Contexts known to be backed by several threads are allowed:
/// none, the default one, and the test runners' (xUnit's) contexts.
/// </summary>
internal static class SyncOverAsync
{
    private static readonly HashSet<string> ThreadPoolContexts = new(StringComparer.Ordinal)
    {
        "System.Threading.SynchronizationContext",
        "Xunit.Sdk.AsyncTestSyncContext",
        "Xunit.Sdk.MaxConcurrencySyncContext",
    };

    public static T Run<T>(Func<Task<T>> operation, string asyncName)
    {
        Guard(asyncName);
        return Task.Run(operation).GetAwaiter().GetResult();
    }

    public static void Run(Func<Task> operation, string asyncName)
    {
        Guard(asyncName);
        Task.Run(operation).GetAwaiter().GetResult();
    }

    private static void Guard(string asyncName)
    {
        var context = SynchronizationContext.Current;
        if (context is not null && !ThreadPoolContexts.Contains(context.GetType().FullName ?? string.Empty))
        {
            throw new InvalidOperationException(
                $"A blocking Spot call was made on a single-threaded SynchronizationContext ({context.GetType().Name}), where it would deadlock. Use {asyncName} and await it instead.");
        }
    }
}
