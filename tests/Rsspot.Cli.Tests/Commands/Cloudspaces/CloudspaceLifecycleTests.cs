using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands.Cloudspaces;

/// <summary>Mutating commands: cloudspaces with inline pools and spec files, node pools, kubeconfig files, registration.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CloudspaceLifecycleTests : IClassFixture<CliFixture>
{
    private readonly CliFixture _cli;

    public CloudspaceLifecycleTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task Create_with_inline_pools_then_pools_update_and_delete()
    {
        var created = (await _cli.JsonAsync(
            "cloudspaces", "create", "inline-demo", "--region", "us-central-dfw-1",
            "--spot-nodepool", "desired=2,serverclass=gp.vs1.medium-dfw,bidprice=0.08",
            "--ondemand-nodepool", """{"desired":1,"serverclass":"gp.vs1.large-dfw"}""",
            "--wait", "--timeout", "60")).Node;
        Assert.Equal("inline-demo", created["cloudspace"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("Ready", created["cloudspace"]!["status"]!["phase"]!.GetValue<string>());
        var spot = Assert.Single(created["spotNodePools"]!.AsArray())!;
        Assert.Equal("gp.vs1.medium-dfw", spot["spec"]!["serverClass"]!.GetValue<string>());
        Assert.Equal("0.08", spot["spec"]!["bidPrice"]!.GetValue<string>());
        Assert.Equal(2, spot["spec"]!["desired"]!.GetValue<int>());
        var onDemand = Assert.Single(created["onDemandNodePools"]!.AsArray())!;
        Assert.Equal(1, onDemand["spec"]!["desired"]!.GetValue<int>());

        var list = (await _cli.JsonAsync("cloudspaces", "list")).Node.AsArray();
        Assert.Contains(list, c => c!["metadata"]!["name"]!.GetValue<string>() == "inline-demo");

        var pools = (await _cli.JsonAsync("nodepools", "spot", "list", "--cloudspace", "inline-demo")).Node.AsArray();
        var poolName = Assert.Single(pools)!["metadata"]!["name"]!.GetValue<string>();

        var updated = (await _cli.JsonAsync("nodepools", "spot", "update", poolName, "--desired", "3", "--bid-price", "0.09", "--label", "team=web", "--taint", "dedicated=web:NoSchedule")).Node;
        Assert.Equal(3, updated["spec"]!["desired"]!.GetValue<int>());
        Assert.Equal("0.09", updated["spec"]!["bidPrice"]!.GetValue<string>());
        Assert.Equal("web", updated["spec"]!["customLabels"]!["team"]!.GetValue<string>());
        Assert.Equal("dedicated", updated["spec"]!["customTaints"]![0]!["key"]!.GetValue<string>());

        var added = (await _cli.JsonAsync("nodepools", "ondemand", "create", "--cloudspace", "inline-demo", "--serverclass", "gp.vs1.large-dfw", "--desired", "2", "--annotation", "a=b")).Node;
        Assert.Equal(2, added["spec"]!["desired"]!.GetValue<int>());

        var deletePool = await _cli.RunAsync("nodepools", "spot", "delete", poolName, "--yes", "-o", "json");
        Assert.Equal(0, deletePool.ExitCode);
        var deleted = await _cli.RunAsync("cloudspaces", "delete", "inline-demo", "--yes", "-o", "table");
        Assert.Equal(0, deleted.ExitCode);
        Assert.Contains("inline-demo", deleted.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pools_of_both_kinds_list_get_update_delete_with_tables()
    {
        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "create", "pools-demo", "--region", "us-central-dfw-1", "-o", "table")).ExitCode);
        var spot = (await _cli.JsonAsync("nodepools", "spot", "create", "--cloudspace", "pools-demo", "--serverclass", "gp.vs1.medium-dfw", "--bid-price", "$0.085", "--desired", "2", "--autoscale-min", "1", "--autoscale-max", "4")).Node;
        var spotName = spot["metadata"]!["name"]!.GetValue<string>();
        var onDemand = (await _cli.JsonAsync("nodepools", "ondemand", "create", "--cloudspace", "pools-demo", "--serverclass", "gp.vs1.large-dfw", "--desired", "1", "--label", "tier=db")).Node;
        var onDemandName = onDemand["metadata"]!["name"]!.GetValue<string>();

        var gotSpot = (await _cli.JsonAsync("nodepools", "spot", "get", spotName)).Node;
        Assert.Equal("0.085", gotSpot["spec"]!["bidPrice"]!.GetValue<string>());
        Assert.Equal(4, gotSpot["spec"]!["autoscaling"]!["maxNodes"]!.GetValue<int>());
        var gotOnDemand = (await _cli.JsonAsync("nodepools", "ondemand", "get", onDemandName)).Node;
        Assert.Equal("db", gotOnDemand["spec"]!["customLabels"]!["tier"]!.GetValue<string>());

        var spotTable = await _cli.RunAsync("nodepools", "spot", "list", "--cloudspace", "pools-demo", "-o", "table");
        Assert.Equal(0, spotTable.ExitCode);
        var spotRow = Assert.Single(spotTable.Stdout.Split('\n'), l => l.StartsWith(spotName, StringComparison.Ordinal));
        var market = "$" + _cli.Emulator.GetMarketPrice("gp.vs1.medium-dfw")!.Value.ToString("0.000###", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([spotName, "pools-demo", "gp.vs1.medium-dfw", "2", "$0.085", market, "unknown", "1-4"], spotRow.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..8]);

        var updated = (await _cli.JsonAsync("nodepools", "ondemand", "update", onDemandName, "--desired", "3")).Node;
        Assert.Equal(3, updated["spec"]!["desired"]!.GetValue<int>());
        var onDemandTable = await _cli.RunAsync("nodepools", "ondemand", "list", "--cloudspace", "pools-demo", "-o", "table");
        var onDemandRow = Assert.Single(onDemandTable.Stdout.Split('\n'), l => l.StartsWith(onDemandName, StringComparison.Ordinal));
        Assert.Equal([onDemandName, "pools-demo", "gp.vs1.large-dfw", "3"], onDemandRow.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..4]);

        Assert.Equal(0, (await _cli.RunAsync("nodepools", "ondemand", "delete", onDemandName, "--yes", "-o", "table")).ExitCode);
        Assert.Empty((await _cli.JsonAsync("nodepools", "ondemand", "list", "--cloudspace", "pools-demo")).Node.AsArray());
        var missing = await _cli.RunAsync("nodepools", "ondemand", "get", onDemandName, "-o", "table");
        Assert.Equal(5, missing.ExitCode);
        Assert.Contains(onDemandName, missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "delete", "pools-demo", "--yes", "-o", "table")).ExitCode);
    }

    [Fact]
    public async Task Create_from_spec_file_and_kubeconfig_file_mode_and_overwrite()
    {
        var spec = Path.Combine(_cli.Home, "spec.yaml");
        await File.WriteAllTextAsync(spec, """
            name: file-demo
            region: us-central-dfw-1
            cni: calico
            spotNodePools:
              - serverClass: gp.vs1.medium-dfw
                desired: 1
                bidPrice: 0.07
            """);
        var created = (await _cli.JsonAsync("cloudspaces", "create", "--file", spec)).Node;
        Assert.Equal("file-demo", created["cloudspace"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("0.07", created["spotNodePools"]![0]!["spec"]!["bidPrice"]!.GetValue<string>());

        var waited = (await _cli.JsonAsync("cloudspaces", "wait", "file-demo", "--timeout", "60")).Node;
        Assert.Equal("Ready", waited["status"]!["phase"]!.GetValue<string>());

        var kubeconfig = Path.Combine(_cli.Home, "kube", "file-demo.yaml");
        var written = await _cli.RunAsync("cloudspaces", "get-config", "file-demo", "--file", kubeconfig, "-o", "table");
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kubeconfig));
        Assert.Contains("apiVersion", await File.ReadAllTextAsync(kubeconfig), StringComparison.Ordinal);
        Assert.DoesNotContain("apiVersion", written.Stdout, StringComparison.Ordinal);

        var refused = await _cli.RunAsync("cloudspaces", "get-config", "file-demo", "--file", kubeconfig, "-o", "table");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Stderr, StringComparison.Ordinal);

        Assert.Equal(0, (await _cli.RunAsync("cloudspaces", "get-config", "file-demo", "--file", kubeconfig, "--force", "-o", "table")).ExitCode);

        var stdout = await _cli.RunAsync("cloudspaces", "get-config", "file-demo", "-o", "table");
        Assert.Equal(0, stdout.ExitCode);
        Assert.Contains("apiVersion", stdout.Stdout, StringComparison.Ordinal);

        var patched = (await _cli.JsonAsync("cloudspaces", "update", "file-demo", "--webhook", "https://hooks.example.com/x")).Node;
        Assert.Equal("https://hooks.example.com/x", patched["spec"]!["webhook"]!.GetValue<string>());
    }

    [Fact]
    public async Task Registration_candidates_reconcile_mark_show()
    {
        var candidates = (await _cli.JsonAsync("registration", "candidates")).Node.AsArray();
        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.StartsWith("vmreg-", c!["key"]!.GetValue<string>(), StringComparison.Ordinal));

        var reconcile = (await _cli.JsonAsync("registration", "reconcile")).Node;
        Assert.Equal(candidates.Count, reconcile["added"]!.AsArray().Count + reconcile["unchanged"]!.GetValue<int>() + reconcile["reappeared"]!.AsArray().Count);

        var key = candidates[0]!["key"]!.GetValue<string>();
        var marked = (await _cli.JsonAsync("registration", "mark", key, "token_issued", "--token-id", "tok-1", "--payload-json", "{\"ok\":true,\"n\":2}")).Node;
        Assert.Equal("token_issued", marked["status"]!.GetValue<string>());

        var illegal = await _cli.RunAsync("registration", "mark", key, "discovered", "-o", "table");
        Assert.Equal(7, illegal.ExitCode);
        Assert.Contains("token_issued", illegal.Stderr, StringComparison.Ordinal);

        var stale = await _cli.RunAsync("registration", "mark", key, "submitted", "--expected-version", "999");
        Assert.True(stale.ExitCode == 7, stale.ToString());

        var table = await _cli.RunAsync("registration", "show", key, "-o", "table");
        Assert.Contains("{\"ok\":true,\"n\":2}", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("ok=", table.Stdout, StringComparison.Ordinal);

        var shown = (await _cli.JsonAsync("registration", "show", key)).Node;
        Assert.Equal(["discovered", "token_issued"], shown["history"]!.AsArray().Select(h => h!["to"]!.GetValue<string>()));

        var listed = (await _cli.JsonAsync("registration", "list", "--status", "token_issued")).Node.AsArray();
        Assert.Equal(key, Assert.Single(listed)!["key"]!.GetValue<string>());
    }
}
