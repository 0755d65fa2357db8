using System.Text.Json.Nodes;
using Rsspot.Emulator;
using Rsspot.State;
using Rsspot.Tests.State;
using Rsspot.Tests.Workflows;
using Rsspot.Workflows;
using Xunit.Abstractions;

namespace Rsspot.Tests.Samples;

/// <summary>
/// samples/RegistrationController against one in-process emulator and one state.db, killed mid-way and restarted:
/// every VM ends registered exactly once, nothing is lost, and VMs that vanish or appear between runs are handled.
/// </summary>
public sealed class RegistrationControllerSampleTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Finish = TimeSpan.FromMinutes(2);
    private readonly TempStateDir _dir = new();
    private readonly List<RegistrationControllerProcess> _runs = [];
    private EmulatorHost _emulator = null!;

    private string StatePath => _dir.File("state.db");

    private string JournalPath => _dir.File("omni.jsonl");

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync()
    {
        // Every run's output, shown with a failing test.
        foreach (var (run, index) in _runs.Select((r, i) => (r, i + 1)))
        {
            output.WriteLine($"--- run {index} ---\n{run.Output()}");
        }

        await _emulator.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Killed_mid_way_and_restarted_by_another_worker_registers_every_vm_exactly_once()
    {
        AddVms(3);
        int vmCount = AssignedServerNames().Count;
        Assert.Equal(6, vmCount);

        using (var first = Start("worker-a", stepDelayMs: 400))
        {
            // 6 discoveries, then a few steps: some VMs are mid-way when the process dies (slow steps leave room
            // for a kill that lands late on a loaded machine).
            await first.WaitForTransitionsAsync(vmCount + 5, TimeSpan.FromSeconds(60));
            await first.KillAsync();
            Assert.DoesNotContain(first.Lines, l => l.StartsWith("done ", StringComparison.Ordinal));
        }

        IReadOnlyList<RegistrationRecord> atKill = Ledger();
        Assert.Equal(vmCount, atKill.Count);
        Assert.Contains(atKill, r => r.Status != RegistrationStatus.Registered);
        Assert.Contains(atKill, r => r.LeaseOwner == "worker-a");

        // Another worker id: it must wait for worker-a's 2 s leases to expire, then take the work over.
        using (var second = Start("worker-b", stepDelayMs: 0))
        {
            await second.CompleteAsync(Finish);
            Assert.Contains($"done registered={vmCount} skipped=0", second.Lines);
        }

        AssertRegisteredExactlyOnce(Ledger(), AssignedServerNames());
    }

    [Fact]
    public async Task Killed_and_restarted_by_the_same_worker_resumes_its_claims_and_retries_failures()
    {
        using (var first = Start("worker-a", stepDelayMs: 400))
        {
            await first.WaitForTransitionsAsync(5, TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }

        using (var second = Start("worker-a", stepDelayMs: 0, "--fail-submits", "1", "--lease-seconds", "600"))
        {
            await second.CompleteAsync(Finish);
            Assert.Contains(second.Transitions, l => l.Contains("to=failed error=", StringComparison.Ordinal));
            Assert.Contains(second.Transitions, l => l.Contains("from=failed", StringComparison.Ordinal) && l.Contains("reason=retry", StringComparison.Ordinal));
        }

        IReadOnlyList<RegistrationRecord> records = Ledger();
        AssertRegisteredExactlyOnce(records, AssignedServerNames());
        RegistrationRecord retried = Assert.Single(records, r => r.History.Any(h => h.To == RegistrationStatus.Failed));
        Assert.Contains("503", retried.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vm_removed_between_runs_is_skipped_as_vanished_and_a_vm_added_is_registered()
    {
        using (var first = Start("worker-a", stepDelayMs: 400))
        {
            await first.WaitForTransitionsAsync(4, TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }

        RegistrationRecord removed = Ledger().First(r => r.Status == RegistrationStatus.Discovered);
        Assert.True(_emulator.RemoveVmServer(EmulatorHost.SeededVmCloudSpace, removed.VmUid));
        string added = AddVms(1).Single();

        using (var second = Start("worker-a", stepDelayMs: 0))
        {
            await second.CompleteAsync(Finish);
            Assert.Contains(second.Transitions, l => l.Contains($"key={removed.Key}", StringComparison.Ordinal) && l.Contains("to=skipped reason=vanished", StringComparison.Ordinal));
            Assert.Contains("done registered=3 skipped=1", second.Lines);
        }

        IReadOnlyList<RegistrationRecord> records = Ledger();
        Assert.Equal(4, records.Count);
        RegistrationRecord vanished = Assert.Single(records, r => r.Key == removed.Key);
        Assert.Equal(RegistrationStatus.Skipped, vanished.Status);
        Assert.Equal(RegistrationWorkflow.VanishedReason, vanished.History[^1].Reason);
        Assert.Null(vanished.LeaseOwner);
        Assert.Equal(RegistrationStatus.Registered, Assert.Single(records, r => r.VmUid == added).Status);
        AssertRegisteredExactlyOnce([.. records.Where(r => r.Key != removed.Key)], AssignedServerNames());
    }

    private RegistrationControllerProcess Start(string worker, int stepDelayMs, params string[] extra)
    {
        var run = RegistrationControllerProcess.Start(
        [
            "--emulator-url", _emulator.BaseUrl,
            "--state", StatePath,
            "--omni-journal", JournalPath,
            "--worker-id", worker,
            "--lease-seconds", "2",
            "--step-delay-ms", stepDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--round-delay-ms", "100",
            .. extra,
        ]);
        _runs.Add(run);
        return run;
    }

    private List<string> AddVms(int count)
    {
        string pool = _emulator.ListResourceNames("vmpools").First();
        return [.. Enumerable.Range(0, count).Select(_ => _emulator.AddVmServer(EmulatorHost.SeededVmCloudSpace, new VmServerRequest(pool)))];
    }

    private List<string> AssignedServerNames()
    {
        JsonObject servers = _emulator.GetResource("vmcloudspaces", EmulatorHost.SeededVmCloudSpace)!["status"]!["assignedServers"]!.AsObject();
        return [.. servers.Select(s => s.Value!["serverName"]!.GetValue<string>())];
    }

    private IReadOnlyList<RegistrationRecord> Ledger()
    {
        using StateStore store = StateStore.Open(StatePath);
        return new RegistrationWorkflow(store).List();
    }

    private void AssertRegisteredExactlyOnce(IReadOnlyList<RegistrationRecord> records, IReadOnlyList<string> vms) =>
        RegistrationAssertions.RegisteredExactlyOnce(records, vms, JournalPath);
}
