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
                $"A blocking Spot call was made on a SynchronizationContext ({context.GetType().FullName}) that the SDK does not know to be backed by several threads; on a UI thread it would freeze or deadlock. Use {asyncName} and await it, or, if this context runs work on several threads (a test runner's does), call SpotClient.AllowBlockingOn(typeof({context.GetType().Name})) once at start-up.");
        }
    }
}
