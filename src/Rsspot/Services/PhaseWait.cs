namespace Rsspot.Services;

/// <summary>
/// Polls a resource until it is done, reporting each new phase to the caller and backing off from 1 s to 10 s (the
/// last wait cut to the deadline); at the deadline a <see cref="TimeoutException"/> names the phase it is still in.
/// </summary>
internal static class PhaseWait
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(10);

    /// <param name="time">The clock (the client's <see cref="TimeProvider"/>).</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="get">Reads the resource afresh (bypassing the cache).</param>
    /// <param name="phaseOf">The phase a resource reports (null reads as "Unknown").</param>
    /// <param name="isDone">Whether the resource, in that phase, is what the caller waits for.</param>
    /// <param name="timedOut">The timeout message for the phase it is still in.</param>
    /// <param name="progress">Told each new phase.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<T> UntilAsync<T>(
        TimeProvider time,
        TimeSpan timeout,
        Func<CancellationToken, Task<T>> get,
        Func<T, string?> phaseOf,
        Func<T, string, bool> isDone,
        Func<string, string> timedOut,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        var delay = FirstDelay;
        string? lastPhase = null;
        while (true)
        {
            var resource = await get(cancellationToken).ConfigureAwait(false);
            var phase = phaseOf(resource) ?? "Unknown";
            if (phase != lastPhase)
            {
                progress?.Report(phase);
                lastPhase = phase;
            }

            if (isDone(resource, phase))
            {
                return resource;
            }

            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(timedOut(phase));
            }

            await Task.Delay(delay < left ? delay : left, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, LongestDelay.TotalSeconds));
        }
    }

    /// <summary>Whether <paramref name="phase"/> is <paramref name="expected"/>, ignoring case.</summary>
    public static bool Is(string phase, string expected) => string.Equals(phase, expected, StringComparison.OrdinalIgnoreCase);
}
