using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;
using Rsspot.Emulator;

namespace Rsspot.Cli.Tests.Commands.Apply;

/// <summary><c>rsspot apply|diff|delete -f</c> against the emulator, checked by its request log.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ApplyCommandTests : IClassFixture<CliFixture>, IDisposable
{
    private const string Medium = "gp.vs1.medium-dfw";
    private const string Large = "gp.vs1.large-dfw";

    private readonly CliFixture _cli;
    private readonly string _dir = Directory.CreateTempSubdirectory("rsspot-apply-").FullName;

    public ApplyCommandTests(CliFixture cli)
    {
        _cli = cli;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_two_pool_file_is_created_applied_again_without_a_write_changed_in_two_fields_and_deleted()
    {
        var file = Write("two-pools.yaml", TwoPools("apply-demo", bid: "0.025", onDemandDesired: 1));

        var before = await _cli.RunAsync("diff", "-f", file, "-o", "table");
        Assert.True(before.ExitCode == 1, before.ToString());
        Assert.Contains("+ create cloudspace apply-demo", before.Stdout, StringComparison.Ordinal);
        Assert.Contains("Plan: 3 to create, 0 to update, 0 to delete, 0 to replace.", before.Stdout, StringComparison.Ordinal);

        var created = await _cli.RunAsync("apply", "-f", file, "--yes", "--wait", "--timeout", "60", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal(3, created.Json["applied"]!.GetValue<int>());
        Assert.Contains("cloudspace apply-demo: Ready", created.Stderr, StringComparison.Ordinal);
        Assert.Equal("Ready", (await _cli.JsonAsync("cloudspaces", "get", "apply-demo", "--raw")).Node["status"]!["phase"]!.GetValue<string>());
        var spot = Assert.Single((await _cli.JsonAsync("nodepools", "spot", "list", "--cloudspace", "apply-demo", "--raw")).Node.AsArray())!;
        Assert.Equal("workers", spot["metadata"]!["labels"]!["rsspot.io/pool-key"]!.GetValue<string>());
        Assert.Equal("0.025", spot["spec"]!["bidPrice"]!.GetValue<string>());
        var onDemand = Assert.Single((await _cli.JsonAsync("nodepools", "ondemand", "list", "--cloudspace", "apply-demo", "--raw")).Node.AsArray())!;
        Assert.Equal("steady", onDemand["metadata"]!["labels"]!["rsspot.io/pool-key"]!.GetValue<string>());

        _cli.Emulator.ClearRequestLog();
        var again = await _cli.RunAsync("apply", "-f", file, "--yes", "-o", "table");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("No changes: 1 cloudspace(s) match the spec.", again.Stdout, StringComparison.Ordinal);
        Assert.Empty(Writes());
        Assert.NotEmpty(_cli.Emulator.GetRequestLog());
        var same = await _cli.RunAsync("diff", "-f", file);
        Assert.True(same.ExitCode == 0, same.ToString());

        Write("two-pools.yaml", TwoPools("apply-demo", bid: "0.03", onDemandDesired: 2));
        var diff = await _cli.RunAsync("diff", "-f", file, "-o", "json");
        Assert.True(diff.ExitCode == 1, diff.ToString());
        var changes = diff.Json["changes"]!.AsArray();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal("update", c!["action"]!.GetValue<string>()));
        var bidChange = Assert.Single(Assert.Single(changes, c => c!["key"]!.GetValue<string>() == "workers")!["fields"]!.AsArray())!;
        Assert.Equal(("bidPrice", "0.025", "0.03"), Field(bidChange));
        var desiredChange = Assert.Single(Assert.Single(changes, c => c!["key"]!.GetValue<string>() == "steady")!["fields"]!.AsArray())!;
        Assert.Equal(("desired", "1", "2"), Field(desiredChange));
        var text = await _cli.RunAsync("diff", "-f", file, "-o", "table");
        Assert.Contains("    bidPrice: 0.025 -> 0.03", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("    desired: 1 -> 2", text.Stdout, StringComparison.Ordinal);

        var unconfirmed = await _cli.RunAsync("apply", "-f", file);
        Assert.True(unconfirmed.ExitCode == 2, unconfirmed.ToString());
        Assert.Contains("--yes", unconfirmed.Stderr, StringComparison.Ordinal);

        _cli.Emulator.ClearRequestLog();
        var changed = await _cli.RunAsync("apply", "-f", file, "--yes", "-o", "json");
        Assert.True(changed.ExitCode == 0, changed.ToString());
        var patches = Writes();
        Assert.Equal(2, patches.Count);
        Assert.All(patches, p => Assert.Equal("PATCH", p.Method));
        var spotPatch = Assert.Single(patches, p => p.Path.Contains("/spotnodepools/", StringComparison.Ordinal));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"spec":{"bidPrice":"0.03"}}"""), JsonNode.Parse(spotPatch.Body!)), spotPatch.Body);
        var onDemandPatch = Assert.Single(patches, p => p.Path.Contains("/ondemandnodepools/", StringComparison.Ordinal));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"spec":{"desired":2}}"""), JsonNode.Parse(onDemandPatch.Body!)), onDemandPatch.Body);
        Assert.Equal(0, (await _cli.RunAsync("diff", "-f", file)).ExitCode);

        var deleted = await _cli.RunAsync("delete", "-f", file, "--yes", "-o", "json");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.DoesNotContain((await _cli.JsonAsync("cloudspaces", "list", "--raw")).Node.AsArray(), c => c!["metadata"]!["name"]!.GetValue<string>() == "apply-demo");
        Assert.Empty((await _cli.JsonAsync("nodepools", "spot", "list", "--cloudspace", "apply-demo", "--raw")).Node.AsArray());
        Assert.Empty((await _cli.JsonAsync("nodepools", "ondemand", "list", "--cloudspace", "apply-demo", "--raw")).Node.AsArray());
    }

    [Fact]
    public async Task A_bid_changed_by_hand_shows_in_diff_unless_the_file_hands_the_bid_to_the_guard()
    {
        var file = Write("drift.yaml", $"""
            name: apply-drift
            region: us-central-dfw-1
            spotNodePools:
              - {"{"}key: fixed, serverClass: {Medium}, bidPrice: 0.025, desired: 1{"}"}
              - {"{"}key: guarded, serverClass: {Medium}, bidPrice: guard, desired: 1{"}"}
            """);
        Assert.Equal(0, (await _cli.RunAsync("apply", "-f", file, "--yes")).ExitCode);
        var pools = (await _cli.JsonAsync("nodepools", "spot", "list", "--cloudspace", "apply-drift", "--raw")).Node.AsArray();
        string NameOf(string key) => pools.Single(p => p!["metadata"]!["labels"]!["rsspot.io/pool-key"]!.GetValue<string>() == key)!["metadata"]!["name"]!.GetValue<string>();
        var guardBid = decimal.Parse(pools.Single(p => p!["metadata"]!["name"]!.GetValue<string>() == NameOf("guarded"))!["spec"]!["bidPrice"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(guardBid, 0.001m, 0.0314m);

        Assert.Equal(0, (await _cli.RunAsync("nodepools", "spot", "update", NameOf("fixed"), "--bid-price", "0.028")).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("nodepools", "spot", "update", NameOf("guarded"), "--bid-price", "0.029")).ExitCode);

        var diff = await _cli.RunAsync("diff", "-f", file, "-o", "json");
        Assert.True(diff.ExitCode == 1, diff.ToString());
        var change = Assert.Single(diff.Json["changes"]!.AsArray())!;
        Assert.Equal("fixed", change["key"]!.GetValue<string>());
        Assert.Equal(("bidPrice", "0.028", "0.025"), Field(Assert.Single(change["fields"]!.AsArray())!));
        Assert.Equal(0, (await _cli.RunAsync("delete", "-f", file, "--yes")).ExitCode);
    }

    [Fact]
    public async Task A_new_server_class_needs_replace_and_is_refused_without_it()
    {
        var file = Write("replace.yaml", $"name: apply-replace\nregion: us-central-dfw-1\nonDemandNodePools:\n  - {{key: web, serverClass: {Large}, desired: 1}}\n");
        Assert.Equal(0, (await _cli.RunAsync("apply", "-f", file, "--yes")).ExitCode);
        var oldName = Assert.Single((await _cli.JsonAsync("nodepools", "ondemand", "list", "--cloudspace", "apply-replace", "--raw")).Node.AsArray())!["metadata"]!["name"]!.GetValue<string>();
        Write("replace.yaml", $"name: apply-replace\nregion: us-central-dfw-1\nonDemandNodePools:\n  - {{key: web, serverClass: {Medium}, desired: 1}}\n");

        var diff = await _cli.RunAsync("diff", "-f", file, "-o", "table");
        Assert.True(diff.ExitCode == 1, diff.ToString());
        Assert.Contains($"! replace on-demand pool apply-replace/web ({oldName}): needs replace: serverClass {Large} -> {Medium}", diff.Stdout, StringComparison.Ordinal);

        _cli.Emulator.ClearRequestLog();
        var refused = await _cli.RunAsync("apply", "-f", file, "--yes");
        Assert.True(refused.ExitCode == 2, refused.ToString());
        Assert.Contains("--replace", refused.Stderr, StringComparison.Ordinal);
        Assert.Empty(Writes());

        var replaced = await _cli.RunAsync("apply", "-f", file, "--yes", "--replace");
        Assert.True(replaced.ExitCode == 0, replaced.ToString());
        Assert.Contains("is deleted and created again", replaced.Stderr, StringComparison.Ordinal);
        var pool = Assert.Single((await _cli.JsonAsync("nodepools", "ondemand", "list", "--cloudspace", "apply-replace", "--raw")).Node.AsArray())!;
        Assert.Equal(Medium, pool["spec"]!["serverClass"]!.GetValue<string>());
        Assert.NotEqual(oldName, pool["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(0, (await _cli.RunAsync("delete", "-f", file, "--yes")).ExitCode);
    }

    [Fact]
    public async Task Several_documents_prune_and_file_errors()
    {
        var file = Write("multi.yaml", $"""
            name: apply-multi-a
            region: us-central-dfw-1
            onDemandNodePools:
              - {"{"}key: one, serverClass: {Large}, desired: 1{"}"}
              - {"{"}key: two, serverClass: {Large}, desired: 1{"}"}
            ---
            name: apply-multi-b
            region: us-central-dfw-1
            """);
        var created = await _cli.RunAsync("apply", "-f", file, "--yes", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal(["apply-multi-a", "apply-multi-b"], created.Json["cloudspaces"]!.AsArray().Select(c => c!.GetValue<string>()));

        Write("multi.yaml", $"name: apply-multi-a\nregion: us-central-dfw-1\nonDemandNodePools:\n  - {{key: one, serverClass: {Large}, desired: 1}}\n");
        Assert.Equal(0, (await _cli.RunAsync("diff", "-f", file)).ExitCode);
        var prune = await _cli.RunAsync("diff", "-f", file, "--prune", "-o", "table");
        Assert.True(prune.ExitCode == 1, prune.ToString());
        Assert.Contains("- delete on-demand pool apply-multi-a/two", prune.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.RunAsync("apply", "-f", file, "--prune", "--yes")).ExitCode);
        Assert.Single((await _cli.JsonAsync("nodepools", "ondemand", "list", "--cloudspace", "apply-multi-a", "--raw")).Node.AsArray());

        var noKey = await _cli.RunAsync("diff", "-f", Write("nokey.yaml", $"name: apply-x\nregion: us-central-dfw-1\nonDemandNodePools:\n  - {{serverClass: {Large}}}\n"));
        Assert.True(noKey.ExitCode == 2, noKey.ToString());
        Assert.Contains("'key' is required", noKey.Stderr, StringComparison.Ordinal);
        var typo = await _cli.RunAsync("diff", "-f", Write("typo.yaml", "name: apply-x\nregoin: us-central-dfw-1\n"));
        Assert.True(typo.ExitCode == 2, typo.ToString());
        Assert.Contains("region", typo.Stderr, StringComparison.Ordinal);
        var tooHigh = await _cli.RunAsync("apply", "-f", Write("high.yaml", $"name: apply-high\nregion: us-central-dfw-1\nspotNodePools:\n  - {{key: w, serverClass: {Medium}, bidPrice: 0.5}}\n"), "--yes", "--max-bid", "0.04");
        Assert.True(tooHigh.ExitCode == 2, tooHigh.ToString());
        Assert.Contains("above its ceiling", tooHigh.Stderr, StringComparison.Ordinal);

        var deleted = await _cli.RunAsync("delete", "-f", Write("both.yaml", "name: apply-multi-a\nregion: us-central-dfw-1\n---\nname: apply-multi-b\nregion: us-central-dfw-1\n"), "--yes", "-o", "json");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Equal(2, deleted.Json["applied"]!.GetValue<int>());
        Assert.DoesNotContain("apply-high", (await _cli.RunAsync("cloudspaces", "list", "-o", "json")).Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_terminal_apply_shows_the_plan_asks_and_only_yes_applies()
    {
        var file = Write("terminal.yaml", $"name: apply-tty\nregion: us-central-dfw-1\nonDemandNodePools:\n  - {{key: web, serverClass: {Large}, desired: 1}}\n");
        _cli.Emulator.ClearRequestLog();
        await using (var declined = TerminalSession.Start(_cli.Environment, "apply", "-f", file))
        {
            await declined.WaitForAsync("? [y/N] ");
            Assert.Contains("+ create on-demand pool apply-tty/web", declined.Screen, StringComparison.Ordinal);
            await declined.TypeLineAsync("n");
            Assert.Equal(1, await declined.ExitCodeAsync());
        }

        Assert.Empty(Writes());
        await using (var confirmed = TerminalSession.Start(_cli.Environment, "apply", "-f", file))
        {
            await confirmed.WaitForAsync("? [y/N] ");
            await confirmed.TypeLineAsync("y");
            Assert.True(await confirmed.ExitCodeAsync() == 0, confirmed.Screen);
            Assert.Contains("Applied 2 change(s).", confirmed.Screen, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await _cli.RunAsync("diff", "-f", file)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("delete", "-f", file, "--yes")).ExitCode);
    }

    private static string TwoPools(string name, string bid, int onDemandDesired) => $"""
        # yaml-language-server: $schema=./cloudspace-spec.schema.json
        name: {name}
        region: us-central-dfw-1
        kubernetesVersion: 1.31.1
        spotNodePools:
          - key: workers
            serverClass: {Medium}
            desired: 2
            bidPrice: {bid}
        onDemandNodePools:
          - key: steady
            serverClass: {Large}
            desired: {onDemandDesired}
        """;

    private static (string, string?, string) Field(JsonNode field) =>
        (field["field"]!.GetValue<string>(), field["before"]?.GetValue<string>(), field["after"]!.GetValue<string>());

    private List<RequestLogEntry> Writes() =>
        [.. _cli.Emulator.GetRequestLog().Where(e => e.Method is "POST" or "PATCH" or "PUT" or "DELETE" && !e.Path.StartsWith("/oauth", StringComparison.Ordinal))];

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
