using Rsspot.State;
using Rsspot.Tests.State;
using Rsspot.Workflows;

namespace Rsspot.Tests.Workflows;

public sealed class RegistrationRaceTests : IDisposable
{
    private readonly TempStateDir _dir = new();

    public void Dispose()
    {
        _dir.Dispose();
    }

    [Fact]
    public async Task Two_processes_racing_for_the_same_vms_claim_each_exactly_once()
    {
        string path = _dir.File("ledger.db");
        string go = _dir.File("go");
        List<string> keys;
        using (StateStore store = StateStore.Open(path))
        {
            var workflow = new RegistrationWorkflow(store);
            var servers = Enumerable.Range(0, 120).Select(i => new AssignedVm("k" + i, "srv-" + i)).ToList();
            keys = [.. workflow.Reconcile("org-1", [new VmCloudspaceSnapshot("vcs", servers)]).Added.Select(r => r.Key)];
        }

        System.Diagnostics.Process a = StateWriterProcess.Start("claim", path, "worker-a", go);
        System.Diagnostics.Process b = StateWriterProcess.Start("claim", path, "worker-b", go);
        await File.WriteAllTextAsync(go, "go");
        string outA, outB;
        using (a)
        using (b)
        {
            outA = await StateWriterProcess.CompleteAsync(a);
            outB = await StateWriterProcess.CompleteAsync(b);
        }

        string[] claimedByA = outA.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] claimedByB = outB.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Empty(claimedByA.Intersect(claimedByB));
        Assert.Equal(keys.Order(), claimedByA.Concat(claimedByB).Order());

        using StateStore reopened = StateStore.Open(path);
        IReadOnlyList<RegistrationRecord> records = new RegistrationWorkflow(reopened).List();
        Assert.All(records, r => Assert.Equal(RegistrationStatus.TokenIssued, r.Status));
        Assert.All(records, r => Assert.Equal("token-" + r.LeaseOwner, r.TokenId));
    }
}
