using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Rsspot.Emulator;
using Rsspot.State;
using Rsspot.Tests.Samples;
using Rsspot.Tests.Workflows;
using Rsspot.Workflows;
using Xunit.Abstractions;
using P = Rsspot.Tests.State.PythonRsspotState;

namespace Rsspot.Tests.State;

/// <summary>
/// A team moves its registration controller from the Python rsspot to samples/RegistrationController on the same
/// state.db: the VM the Python registered is never submitted again, the one it only discovered is carried through.
/// </summary>
public sealed class PythonLedgerControllerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Cluster = "sample-cluster";
    private readonly TempStateDir _dir = new();
    private EmulatorHost _emulator = null!;
    private RegistrationControllerProcess? _run;

    private string StatePath => _dir.File("state.db");

    private string JournalPath => _dir.File("omni.jsonl");

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync()
    {
        if (_run is not null)
        {
            output.WriteLine(_run.Output());
            _run.Dispose();
        }

        await _emulator.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task The_controller_never_submits_a_vm_the_Python_registered_and_carries_on_one_it_discovered()
    {
        IReadOnlyList<RegistrationCandidate> candidates = RegistrationWorkflow.ListCandidates(_emulator.OrganizationId, [Snapshot()], Cluster);
        Assert.True(candidates.Count >= 2);
        RegistrationCandidate registered = candidates[0];
        RegistrationCandidate discovered = candidates[1];
        double at = P.Epoch(DateTimeOffset.UtcNow.AddHours(-1));
        P.RunWithSqlite(
            StatePath,
            P.LedgerRow(registered.Key, registered.VmUid, registered.OrgId, registered.VmCloudspace, registered.VmPool, registered.VmName, Cluster, "registered", at, tokenId: "jt-python", tokenExpiresAt: at + 3600, payloadJson: "{\"machine_id\": \"python-machine\"}"),
            P.LedgerRow(discovered.Key, discovered.VmUid, discovered.OrgId, discovered.VmCloudspace, discovered.VmPool, discovered.VmName, Cluster, "discovered", at));
        SqliteConnection.ClearAllPools();

        _run = RegistrationControllerProcess.Start(
            "--emulator-url", _emulator.BaseUrl,
            "--state", StatePath,
            "--omni-journal", JournalPath,
            "--worker-id", "worker-net",
            "--step-delay-ms", "0",
            "--round-delay-ms", "100");
        await _run.CompleteAsync(TimeSpan.FromMinutes(2));

        Assert.Contains($"done registered={candidates.Count} skipped=0", _run.Lines);
        Assert.DoesNotContain(_run.Transitions, l => l.Contains($"key={registered.Key}", StringComparison.Ordinal));
        List<JsonNode> journal = [.. File.ReadAllLines(JournalPath).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!)];
        List<string> submitted = [.. journal.Where(e => (string?)e["op"] == "submit").Select(e => (string)e["key"]!)];
        Assert.DoesNotContain(registered.Key, submitted);
        Assert.Single(submitted, discovered.Key);
        Assert.Equal(candidates.Count - 1, submitted.Distinct().Count());

        using StateStore store = StateStore.Open(StatePath);
        var workflow = new RegistrationWorkflow(store);
        RegistrationRecord python = workflow.Get(registered.Key)!;
        Assert.Equal((RegistrationStatus.Registered, "jt-python", "{\"machine_id\": \"python-machine\"}", 0L), (python.Status, python.TokenId, python.Payload, python.Version));
        RegistrationRecord carried = workflow.Get(discovered.Key)!;
        Assert.Equal(RegistrationStatus.Registered, carried.Status);
        Assert.Equal(RegistrationStatus.Discovered, carried.History[0].From);
        Assert.All(workflow.List(), r => Assert.Equal(RegistrationStatus.Registered, r.Status));

        // The Python still reads every row, its own untouched.
        JsonArray rows = P.RunWithSqlite(StatePath, new PythonStep(P.ListLedgerByStatus, ("status", "registered")))[0]!.AsArray();
        Assert.Equal(candidates.Count, rows.Count);
    }

    private VmCloudspaceSnapshot Snapshot()
    {
        JsonObject servers = _emulator.GetResource("vmcloudspaces", EmulatorHost.SeededVmCloudSpace)!["status"]!["assignedServers"]!.AsObject();
        return new VmCloudspaceSnapshot(
            EmulatorHost.SeededVmCloudSpace,
            [.. servers.Select(s => new AssignedVm(s.Key, (string?)s.Value!["serverName"], (string?)s.Value!["displayName"], (string?)s.Value!["nodePoolName"]))]);
    }
}
