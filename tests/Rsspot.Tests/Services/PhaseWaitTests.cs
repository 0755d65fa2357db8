using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using Rsspot.Services;

namespace Rsspot.Tests.Services;

/// <summary>The one wait for a phase that cloudspaces and VM cloudspaces share, on a fake clock.</summary>
public sealed class PhaseWaitTests
{
    [Fact]
    public async Task It_reports_each_new_phase_once_and_polls_after_1_2_and_4_seconds()
    {
        var time = new StepClock();
        var answers = new Queue<string?>(["Provisioning", "Provisioning", null, "Ready"]);
        var polls = new List<TimeSpan>();
        var reported = new List<string>();
        var start = time.GetUtcNow();

        var wait = PhaseWait.UntilAsync(
            time,
            TimeSpan.FromMinutes(1),
            _ =>
            {
                polls.Add(time.GetUtcNow() - start);
                return Task.FromResult(answers.Dequeue());
            },
            phase => phase,
            (_, phase) => PhaseWait.Is(phase, "ready"),
            phase => "still " + phase,
            new Reports(reported),
            CancellationToken.None);
        var result = await Drive(time, wait);

        Assert.Equal("Ready", result);
        Assert.Equal(["Provisioning", "Unknown", "Ready"], reported);
        Assert.Equal([0, 1, 3, 7], polls.Select(p => p.TotalSeconds));
    }

    [Fact]
    public async Task At_the_deadline_it_names_the_phase_after_backing_off_to_10_seconds_and_cutting_the_last_wait()
    {
        var time = new StepClock();
        var polls = new List<TimeSpan>();
        var start = time.GetUtcNow();

        var wait = PhaseWait.UntilAsync(
            time,
            TimeSpan.FromSeconds(30),
            _ =>
            {
                polls.Add(time.GetUtcNow() - start);
                return Task.FromResult("Provisioning");
            },
            phase => phase,
            (_, _) => false,
            phase => $"Cloudspace \"a\" is still {phase} after 30 s",
            null,
            CancellationToken.None);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => Drive(time, wait));
        Assert.Equal("Cloudspace \"a\" is still Provisioning after 30 s", error.Message);
        Assert.Equal([0, 1, 3, 7, 15, 25, 30], polls.Select(p => p.TotalSeconds));
    }

    // Each time the wait sets a timer, the clock moves exactly to it; nothing else moves it.
    private static async Task<T> Drive<T>(StepClock time, Task<T> wait)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var timer = time.Timers.Reader.ReadAsync(limit.Token).AsTask();
            if (await Task.WhenAny(wait, timer) == wait)
            {
                return await wait;
            }

            time.Advance(await timer);
        }
    }

    /// <summary>A fake clock that tells when a timer is set and for how long.</summary>
    private sealed class StepClock : FakeTimeProvider
    {
        public Channel<TimeSpan> Timers { get; } = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            Timers.Writer.TryWrite(dueTime);
            return timer;
        }
    }

    private sealed class Reports(List<string> phases) : IProgress<string>
    {
        public void Report(string value) => phases.Add(value);
    }
}
