namespace Rsspot;

/// <summary>
/// Runs an async operation for a blocking caller. Refuses to block where that would deadlock: on a
/// single-threaded <see cref="SynchronizationContext"/> such as a UI thread.
/// </summary>
internal static class SyncOverAsync
{
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
        if (context is not null && context.GetType() != typeof(SynchronizationContext))
        {
            throw new InvalidOperationException(
                $"A blocking Spot call was made on a single-threaded SynchronizationContext ({context.GetType().Name}), where it would deadlock. Use {asyncName} and await it instead.");
        }
    }
}
