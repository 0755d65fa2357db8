using System.Collections.Immutable;

namespace Rsspot;

/// <summary>
/// Runs an async operation for a blocking caller. Refuses to block on a single-threaded
/// <see cref="SynchronizationContext"/> (a UI thread and the like), where blocking freezes the thread and
/// classic sync-over-async code deadlocks. Allowed: no context, the default one, and the context types an
/// application declares to be backed by several threads (<see cref="SpotClient.AllowBlockingOn"/>).
/// </summary>
internal static class SyncOverAsync
{
    private static ImmutableHashSet<Type> _threadPoolContexts = [typeof(SynchronizationContext)];

    public static void Allow(Type contextType) => ImmutableInterlocked.Update(ref _threadPoolContexts, set => set.Add(contextType));

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
        if (context is not null && !Volatile.Read(ref _threadPoolContexts).Contains(context.GetType()))
        {
            throw new InvalidOperationException(
                $"A blocking Spot call was made on a single-threaded SynchronizationContext ({context.GetType().Name}), where it would deadlock. Use {asyncName} and await it instead.");
        }
    }
}
