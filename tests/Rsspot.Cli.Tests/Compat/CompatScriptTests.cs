using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Compat;

/// <summary>
/// Scripts written for the Python rsspot and for spotctl, run unchanged (stdout piped, so JSON) against the
/// emulator; the API objects they leave are read back with the SDK, not with rsspot.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CompatScriptTests : IClassFixture<CliFixture>
{
    private const string Region = "us-central-dfw-1";
    private readonly CliFixture _cli;

    public CompatScriptTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task Python_rsspot_script_cloudspace_and_pools()
    {
        await Ok("cloudspaces", "create", "--name", "py-demo", "--region", Region, "--kubernetes-version", "1.31.1", "--deployment-type", "gen2", "--cni", "calico", "--cloud", "default", "--ha-control-plane");
        var cs = await ApiAsync("cloudspaces/py-demo");
        Assert.True(cs["spec"]!["HAControlPlane"]!.GetValue<bool>());
        Assert.Equal("gen2", Text(cs, "deploymentType"));
        Assert.Equal("default", Text(cs, "cloud"));
        Assert.Equal("calico", Text(cs, "cni"));
        Assert.Equal("1.31.1", Text(cs, "kubernetesVersion"));

        var spotName = Guid.NewGuid().ToString();
        await Ok("nodepools", "spot", "create", "--name", spotName, "--cloudspace", "py-demo", "--server-class", "gp.vs1.medium-dfw", "--bid-price", "0.08", "--desired", "2", "--autoscaling", "--autoscaling-min", "1", "--autoscaling-max", "3", "--label", "team=web", "--annotation", "owner=ops");
        var spot = await ApiAsync("spotnodepools/" + spotName);
        Assert.Equal("py-demo", Text(spot, "cloudSpace"));
        Assert.Equal("gp.vs1.medium-dfw", Text(spot, "serverClass"));
        Assert.Equal("0.08", Text(spot, "bidPrice"));
        Assert.Equal(2, spot["spec"]!["desired"]!.GetValue<int>());
        Assert.True(spot["spec"]!["autoscaling"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(1, spot["spec"]!["autoscaling"]!["minNodes"]!.GetValue<int>());
        Assert.Equal(3, spot["spec"]!["autoscaling"]!["maxNodes"]!.GetValue<int>());
        Assert.Equal("web", spot["spec"]!["customLabels"]!["team"]!.GetValue<string>());
        Assert.Equal("ops", spot["spec"]!["customAnnotations"]!["owner"]!.GetValue<string>());

        // update takes the create flags; --cloudspace and --server-class are checked, not moved.
        await Ok("nodepools", "spot", "update", "--name", spotName, "--cloudspace", "py-demo", "--server-class", "gp.vs1.medium-dfw", "--bid-price", "0.09", "--desired", "3", "--no-autoscaling");
        spot = await ApiAsync("spotnodepools/" + spotName);
        Assert.Equal("0.09", Text(spot, "bidPrice"));
        Assert.Equal(3, spot["spec"]!["desired"]!.GetValue<int>());
        Assert.False(spot["spec"]!["autoscaling"]!["enabled"]!.GetValue<bool>());
        var moved = await _cli.RunAsync("nodepools", "spot", "update", "--name", spotName, "--cloudspace", "elsewhere", "--desired", "4");
        Assert.Equal(2, moved.ExitCode);
        Assert.Contains("--cloudspace", moved.Stderr, StringComparison.Ordinal);
        Assert.Equal(3, (await ApiAsync("spotnodepools/" + spotName))["spec"]!["desired"]!.GetValue<int>());

        var onDemandName = Guid.NewGuid().ToString();
        await Ok("nodepools", "ondemand", "create", "--name", onDemandName, "--cloudspace", "py-demo", "--server-class", "gp.vs1.large-dfw", "--desired", "1", "--label", "tier=db");
        await Ok("nodepools", "ondemand", "update", "--name", onDemandName, "--cloudspace", "py-demo", "--desired", "2");
        var onDemand = await ApiAsync("ondemandnodepools/" + onDemandName);
        Assert.Equal(2, onDemand["spec"]!["desired"]!.GetValue<int>());
        Assert.Equal("db", onDemand["spec"]!["customLabels"]!["tier"]!.GetValue<string>());

        // On-demand pools have no autoscaling in the API: refused with the reason, nothing created.
        var refused = await _cli.RunAsync("nodepools", "ondemand", "create", "--cloudspace", "py-demo", "--server-class", "gp.vs1.large-dfw", "--autoscaling", "--autoscaling-min", "1", "--autoscaling-max", "2");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("on-demand node pools have no autoscaling", refused.Stderr, StringComparison.Ordinal);
        using (var sdk = _cli.SdkClient())
        {
            Assert.Single(await sdk.OnDemandNodePools.ListAsync("py-demo"));
        }

        var kubeconfig = Path.Combine(_cli.Home, "py-demo.yaml");
        await Ok("cloudspaces", "get-config", "py-demo", "-f", kubeconfig);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kubeconfig));
        Assert.Contains("apiVersion", await File.ReadAllTextAsync(kubeconfig), StringComparison.Ordinal);
        var printed = await _cli.RunAsync("cloudspaces", "get-config", "py-demo");
        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Contains("apiVersion", printed.Stdout, StringComparison.Ordinal);

        // The Python rsspot deletes without asking: its scripts run piped, with no --yes to give.
        foreach (var args in new[] { new[] { "nodepools", "spot", "delete", spotName }, ["nodepools", "ondemand", "delete", onDemandName], ["cloudspaces", "delete", "py-demo"] })
        {
            var deleted = await _cli.RunAsync(args);
            Assert.True(deleted.ExitCode == 0, deleted.ToString());
            Assert.Contains("not asked", deleted.Stderr, StringComparison.Ordinal);
        }

        using var after = _cli.SdkClient();
        Assert.Empty(await after.SpotNodePools.ListAsync("py-demo"));
        Assert.Empty(await after.OnDemandNodePools.ListAsync("py-demo"));
    }

    [Fact]
    public async Task Python_rsspot_script_prices_classes_events_raw()
    {
        var rows = (await Ok("pricing", "list", "--min-cpu", "2", "--max-cpu", "4", "--class", "gp", "--gen", "1")).AsArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.Equal("gp", r!["family"]!.GetValue<string>());
            Assert.Equal("vs1", r["generation"]!.GetValue<string>());
            Assert.InRange(r["cpu"]!.GetValue<decimal>(), 2, 4);
        });
        var inverted = await _cli.RunAsync("pricing", "list", "--min-cpu", "4", "--max-cpu", "2");
        Assert.Equal(2, inverted.ExitCode);
        Assert.Contains("--min-cpu", inverted.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--min-vcpu", inverted.Stderr, StringComparison.Ordinal);

        var single = await Ok("pricing", "build", "--nodes", "3", "--gen", "1", "--single", "--risk", "low", "--regions", Region, "--classes", "gp", "--min-hour", "0", "--max-month", "100000");
        Assert.Equal(["max_performance", "max_value"], Strategies(single).Order(StringComparer.Ordinal));
        Assert.All(single["scenarios"]!.AsArray().SelectMany(sc => sc!["pools"]!.AsArray()), pool =>
        {
            Assert.Equal(Region, pool!["region"]!.GetValue<string>());
            Assert.StartsWith("gp.vs1.", pool["server_class"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        var balanced = await Ok("pricing", "build", "--nodes", "3", "--balanced", "--max-hour", "1000", "--min-month", "0");
        Assert.Equal(["balanced"], Strategies(balanced));
        var budget = await _cli.RunAsync("pricing", "build", "--nodes", "3", "--max-hour", "0.0001");
        Assert.Equal(2, budget.ExitCode);
        Assert.All(budget.Json["scenarios"]!.AsArray(), sc => Assert.False(sc!["feasible"]!.GetValue<bool>()));

        var available = (await Ok("server-classes", "list", "--only-available")).AsArray();
        Assert.All(available, c => Assert.Equal("available", c!["spec"]!["availability"]!.GetValue<string>()));
        var all = (await Ok("server-classes", "list", "--all")).AsArray();
        Assert.True(all.Count > available.Count, "--all lists the classes that are not available too");
        var pythonDefault = (await Ok("server-classes", "list")).AsArray();
        Assert.Equal(Names(available), Names(pythonDefault));

        Assert.InRange((await Ok("inventory", "events", "--limit", "2")).AsArray().Count, 0, 2);
        var raw = await Ok("raw", "--method", "GET", "--path", "/apis/ngpc.rxt.io/v1/regions", "--params-json", "{}");
        Assert.NotEmpty(raw["items"]!.AsArray());
    }

    [Fact]
    public async Task Spotctl_script_cloudspace_with_inline_pools_then_pools_by_name()
    {
        await Ok("cs", "create", "--name", "sc-demo", "--org", _cli.Emulator.OrganizationName, "--region", Region, "--kubernetes-version", "1.31.1", "--cni", "calico",
            "--preemption-webhook-url", "https://hooks.example.com/spot", "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.08", "--ondemand-nodepool", "desired=1,serverclass=gp.vs1.large-dfw");
        var cs = await ApiAsync("cloudspaces/sc-demo");
        Assert.Equal("https://hooks.example.com/spot", Text(cs, "webhook"));
        using (var sdk = _cli.SdkClient())
        {
            Assert.Equal("0.08", Assert.Single(await sdk.SpotNodePools.ListAsync("sc-demo")).Spec!.BidPrice);
            Assert.Equal("gp.vs1.large-dfw", Assert.Single(await sdk.OnDemandNodePools.ListAsync("sc-demo")).Spec!.ServerClass);
        }

        var created = await Ok("np", "spot", "create", "--org", _cli.Emulator.OrganizationName, "--cloudspace", "sc-demo", "--serverclass", "gp.vs1.medium-dfw", "--desired", "2", "--bidprice", "0.08",
            "--custom-labels", "a=1,b=2", "--custom-annotations", "note=x,y", "--custom-taints", "dedicated=web:NoSchedule,gpu=yes:NoExecute");
        var spotName = created["metadata"]!["name"]!.GetValue<string>();
        var spot = await ApiAsync("spotnodepools/" + spotName);
        Assert.Equal("1", spot["spec"]!["customLabels"]!["a"]!.GetValue<string>());
        Assert.Equal("2", spot["spec"]!["customLabels"]!["b"]!.GetValue<string>());
        Assert.Equal("x,y", spot["spec"]!["customAnnotations"]!["note"]!.GetValue<string>());
        var taints = spot["spec"]!["customTaints"]!.AsArray();
        Assert.Equal(["dedicated=web:NoSchedule", "gpu=yes:NoExecute"], taints.Select(t => $"{t!["key"]}={t["value"]}:{t["effect"]}"));

        await Ok("np", "spot", "update", "--name", spotName, "--cloudspace", "sc-demo", "--desired", "3", "--bidprice", "0.09", "--org", _cli.Emulator.OrganizationName, "--custom-labels", "a=3");
        spot = await ApiAsync("spotnodepools/" + spotName);
        Assert.Equal("0.09", Text(spot, "bidPrice"));
        Assert.Equal(3, spot["spec"]!["desired"]!.GetValue<int>());
        Assert.Equal("3", spot["spec"]!["customLabels"]!["a"]!.GetValue<string>());
        Assert.Equal(spotName, (await Ok("np", "spot", "get", "--name", spotName))["metadata"]!["name"]!.GetValue<string>());

        var onDemandName = (await Ok("nodepool", "ondemand", "create", "--cloudspace", "sc-demo", "--serverclass", "gp.vs1.large-dfw", "--desired", "1", "--custom-taints", "db=yes:NoSchedule"))["metadata"]!["name"]!.GetValue<string>();
        await Ok("np", "ondemand", "update", "--name", onDemandName, "--cloudspace", "sc-demo", "--desired", "2", "--custom-labels", "tier=db");
        var onDemand = await ApiAsync("ondemandnodepools/" + onDemandName);
        Assert.Equal(2, onDemand["spec"]!["desired"]!.GetValue<int>());
        Assert.Equal("db", onDemand["spec"]!["customLabels"]!["tier"]!.GetValue<string>());

        Assert.Equal("sc-demo", (await Ok("cs", "get", "--name", "sc-demo"))["metadata"]!["name"]!.GetValue<string>());
        var kubeconfig = Path.Combine(_cli.Home, "kube", "sc-demo-config");
        await Ok("cs", "get-config", "--name", "sc-demo", "--file", kubeconfig);
        Assert.True(File.Exists(kubeconfig));

        // spotctl's get-config writes <name>.yaml in the current directory when --file is left out.
        var workDir = Directory.CreateDirectory(Path.Combine(_cli.Home, "work")).FullName;
        var defaultFile = await CliRunner.RunInAsync(workDir, _cli.Environment, null, "cs", "get-config", "--name", "sc-demo");
        Assert.True(defaultFile.ExitCode == 0, defaultFile.ToString());
        Assert.Contains("apiVersion", await File.ReadAllTextAsync(Path.Combine(workDir, "sc-demo.yaml")), StringComparison.Ordinal);
        Assert.DoesNotContain("apiVersion", defaultFile.Stdout, StringComparison.Ordinal);
        var again = await CliRunner.RunInAsync(workDir, _cli.Environment, null, "cs", "get-config", "--name", "sc-demo");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force", again.Stderr, StringComparison.Ordinal);

        await Ok("np", "ondemand", "delete", "--name", onDemandName, "-y");
        await Ok("np", "spot", "delete", "--name", spotName, "--yes");
        using (var sdk = _cli.SdkClient())
        {
            Assert.DoesNotContain(await sdk.SpotNodePools.ListAsync("sc-demo"), p => p.Metadata!.Name == spotName);
        }

        // spotctl asks before a delete: in a script, without -y, nothing is deleted.
        var unconfirmed = await _cli.RunAsync("cs", "delete", "--name", "sc-demo");
        Assert.Equal(2, unconfirmed.ExitCode);
        Assert.Contains("--yes", unconfirmed.Stderr, StringComparison.Ordinal);
        Assert.Equal("sc-demo", (await Ok("cs", "get", "--name", "sc-demo"))["metadata"]!["name"]!.GetValue<string>());
        await Ok("cs", "delete", "--name", "sc-demo", "-y");
        var after = await _cli.RunAsync("cs", "get", "--name", "sc-demo");
        Assert.True(after.ExitCode == 5 || after.Stdout.Contains("Deleting", StringComparison.Ordinal), after.ToString());
    }

    [Fact]
    public async Task Spotctl_create_from_a_config_file_where_flags_win()
    {
        var spec = Path.Combine(_cli.Home, "cloudspace.yaml");
        await File.WriteAllTextAsync(spec, $"""
            name: from-file
            region: {Region}
            kubernetesVersion: 1.30.2
            spotNodePools:
              - {"{"}serverclass: gp.vs1.medium-dfw, desired: 2, bidprice: 0.07{"}"}
            """);
        await Ok("cloudspace", "create", "--config", spec, "--name", "flag-wins", "--kubernetes-version", "1.31.1");
        var cs = await ApiAsync("cloudspaces/flag-wins");
        Assert.Equal("1.31.1", Text(cs, "kubernetesVersion"));
        using var sdk = _cli.SdkClient();
        var pool = Assert.Single(await sdk.SpotNodePools.ListAsync("flag-wins"));
        Assert.Equal("0.07", pool.Spec!.BidPrice);
        Assert.Equal(2, pool.Spec.Desired);
    }

    [Fact]
    public async Task Spotctl_read_commands_by_name_and_aliases()
    {
        Assert.All((await Ok("sc", "list", "-r", Region)).AsArray(), c => Assert.Equal(Region, c!["spec"]!["region"]!.GetValue<string>()));
        var spotctlDefault = Names((await Ok("serverclasses", "list")).AsArray());
        Assert.Equal(Names((await Ok("server-classes", "list", "--all")).AsArray()), spotctlDefault);
        Assert.Contains("ch.vs1.xlarge-ord", spotctlDefault); // the emulator's deprecated class
        Assert.Equal("gp.vs1.medium-dfw", (await Ok("serverclasses", "get", "--name", "gp.vs1.medium-dfw"))["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(Region, (await Ok("regions", "get", "--name", Region))["metadata"]!["name"]!.GetValue<string>());
        Assert.All((await Ok("pricing", "get", "--serverclass", "gp.vs1.medium-dfw")).AsArray(), r => Assert.Equal("gp.vs1.medium-dfw", r!["server_class"]!.GetValue<string>()));
        Assert.Equal(_cli.Emulator.OrganizationName, (await Ok("org", "get", _cli.Emulator.OrganizationName))["name"]!.GetValue<string>());
        Assert.Contains((await Ok("organization", "list")).AsArray(), o => o!["name"]!.GetValue<string>() == _cli.Emulator.OrganizationName);
    }

    /// <summary>Runs a script line (stdout piped, no -o: JSON is the default then) and parses its output.</summary>
    private async Task<JsonNode> Ok(params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"rsspot {string.Join(' ', args)}\n{result}");
        return result.Json;
    }

    private async Task<JsonNode> ApiAsync(string resource)
    {
        using var sdk = _cli.SdkClient();
        return (await sdk.Raw.SendAsync("GET", "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/" + resource))!;
    }

    private static string? Text(JsonNode resource, string specField) => resource["spec"]![specField]?.GetValue<string>();

    private static string[] Strategies(JsonNode build) => [.. build["scenarios"]!.AsArray().Select(sc => sc!["strategy"]!.GetValue<string>())];

    private static string[] Names(JsonArray classes) => [.. classes.Select(c => c!["metadata"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
}
