using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;
using Snapshooter.Xunit;

namespace Rsspot.Cli.Tests.Commands;

/// <summary>Read-only commands against one emulator: json fields, table snapshots, usage and transport errors.</summary>
public sealed class ReadCommandsTests : IClassFixture<CliFixture>
{
    private readonly CliFixture _cli;

    public ReadCommandsTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task Version_prints_the_version_without_touching_state()
    {
        var result = await _cli.RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout.Trim());
    }

    [Fact]
    public async Task Help_shows_commands_and_examples()
    {
        var result = await _cli.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Examples:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  rsspot [command] [options]", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Rsspot.Cli", result.Stdout, StringComparison.Ordinal);
        foreach (var command in new[] { "configure", "profiles", "cloudspaces", "nodepools", "pricing", "registration", "emulator", "completion" })
        {
            Assert.Contains(command, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Regions_list_json_and_table()
    {
        var json = (await _cli.JsonAsync("regions", "list")).Node.AsArray();
        Assert.Contains(json, r => r!["metadata"]!["name"]!.GetValue<string>() == "us-central-dfw-1");
        Assert.All(json, r => Assert.Equal("Region", r!["kind"]!.GetValue<string>()));

        var table = await _cli.RunAsync("regions", "list", "-o", "table");
        Assert.Equal(0, table.ExitCode);
        Snapshot.Match(table.Stdout);
    }

    [Fact]
    public async Task Regions_get_yaml()
    {
        var result = await _cli.RunAsync("regions", "get", "uk-lon-1", "-o", "yaml");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("name: uk-lon-1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("country: GBR", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_classes_list_filters_and_table()
    {
        var json = (await _cli.JsonAsync("server-classes", "list", "--region", "us-central-dfw-1", "--category", "gp")).Node.AsArray();
        Assert.NotEmpty(json);
        Assert.All(json, c =>
        {
            Assert.Equal("us-central-dfw-1", c!["spec"]!["region"]!.GetValue<string>());
            Assert.StartsWith("gp.", c["metadata"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        });

        var table = await _cli.RunAsync("server-classes", "list", "--region", "us-central-dfw-1", "--category", "gp", "-o", "table");
        Snapshot.Match(table.Stdout);

        var one = (await _cli.JsonAsync("server-classes", "get", "gp.vs1.medium-dfw")).Node;
        Assert.Equal("gp.vs1.medium-dfw", one["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Organizations_list_and_get()
    {
        var list = (await _cli.JsonAsync("organizations", "list")).Node.AsArray();
        Assert.Contains(list, o => o!["name"]!.GetValue<string>() == _cli.Emulator.OrganizationName);

        var one = (await _cli.JsonAsync("organizations", "get", _cli.Emulator.OrganizationName)).Node;
        Assert.Equal(_cli.Emulator.OrganizationId, one["id"]!.GetValue<string>());
        Assert.Equal(_cli.Emulator.Namespace, one["namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pricing_list_get_history_compare()
    {
        var list = (await _cli.JsonAsync("pricing", "list", "--region", "us-central-dfw-1", "--family", "gp", "--nodes", "2")).Node.AsArray();
        var prices = list.Select(r => r!["market_per_hour"]?.GetValue<decimal>()).Where(p => p is not null).ToList();
        Assert.Equal(prices.Order().ToList(), prices);
        Assert.All(list, r => Assert.Equal(2, r!["nodes"]!.GetValue<int>()));
        Snapshot.Match((await _cli.RunAsync("pricing", "list", "--region", "us-central-dfw-1", "--family", "gp", "-o", "table")).Stdout);

        var get = (await _cli.JsonAsync("pricing", "get", "gp.vs1.medium-dfw")).Node.AsArray();
        Assert.Equal("gp.vs1.medium-dfw", get[0]!["server_class"]!.GetValue<string>());

        var history = await _cli.RunAsync("pricing", "history", "gp.vs1.medium-dfw", "-n", "3", "-o", "table");
        Assert.Equal(0, history.ExitCode);
        Assert.Matches("[▁▂▃▄▅▆▇█]{5,}", history.Stdout);
        var historyJson = (await _cli.JsonAsync("pricing", "history", "gp.vs1.medium-dfw")).Node;
        Assert.True(historyJson["points"]!.AsArray().Count > 0);

        var compare = (await _cli.JsonAsync("pricing", "compare", "gp.vs1.medium-dfw")).Node.AsArray();
        Assert.NotEmpty(compare[0]!["comparables"]!.AsArray());
    }

    [Fact]
    public async Task Server_refusals_print_the_servers_words_not_a_generic_line()
    {
        var history = await _cli.RunAsync("pricing", "history", "nosuch-class");
        Assert.Equal(5, history.ExitCode);
        Assert.Contains("unknown server class", history.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Fix the named field", history.Stderr, StringComparison.Ordinal);

        var kubeconfig = await _cli.RunAsync("cloudspaces", "get-config", "nosuch");
        Assert.Equal(5, kubeconfig.ExitCode);
        Assert.Contains("Cloudspace 'nosuch' not found in organization", kubeconfig.Stderr, StringComparison.Ordinal);
        Assert.Contains("Check the name and the organization", kubeconfig.Stderr, StringComparison.Ordinal);
        Assert.Contains("--org selects the organization", kubeconfig.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pricing_build_gives_three_scenarios()
    {
        var build = (await _cli.JsonAsync("pricing", "build", "--nodes", "3", "--risk", "low")).Node;
        var scenarios = build["scenarios"]!.AsArray();
        Assert.Equal(["max_performance", "max_value", "balanced"], scenarios.Select(s => s!["strategy"]!.GetValue<string>()));
        Assert.All(scenarios, s => Assert.Equal(3, s!["nodes"]!.GetValue<int>()));
        Snapshot.Match((await _cli.RunAsync("pricing", "build", "--nodes", "3", "--risk", "low", "-o", "table")).Stdout);

        var impossible = await _cli.RunAsync("pricing", "build", "--nodes", "3", "--max-hourly", "0.0001", "-o", "json");
        Assert.Equal(2, impossible.ExitCode);
        Assert.All(impossible.Json["scenarios"]!.AsArray(), s => Assert.False(s!["feasible"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Inventory_and_raw()
    {
        var vms = (await _cli.JsonAsync("inventory", "vmcloudspaces")).Node.AsArray();
        Assert.Contains(vms, v => v!["metadata"]!["name"]!.GetValue<string>() == Emulator.EmulatorHost.SeededVmCloudSpace);
        var pools = (await _cli.JsonAsync("inventory", "vmpools", "--vmcloudspace", Emulator.EmulatorHost.SeededVmCloudSpace)).Node.AsArray();
        Assert.NotEmpty(pools);
        Assert.Equal(0, (await _cli.RunAsync("inventory", "events", "-n", "5", "-o", "json")).ExitCode);

        var raw = (await _cli.JsonAsync("raw", "--method", "GET", "--path", "/apis/ngpc.rxt.io/v1/regions/uk-lon-1")).Node;
        Assert.Equal("uk-lon-1", raw["metadata"]!["name"]!.GetValue<string>());
        var nsPath = (await _cli.JsonAsync("raw", "--path", "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces")).Node;
        Assert.NotNull(nsPath["items"]);
    }

    [Fact]
    public async Task Config_info_and_profiles_redact_secrets()
    {
        var info = await _cli.JsonAsync("config", "info");
        Assert.Equal("EnvironmentPath", info.Node["source"]!.GetValue<string>());
        Assert.Equal(_cli.ConfigPath, info.Node["config_file"]!.GetValue<string>());
        Assert.Equal(_cli.StatePath, info.Node["state_path"]!.GetValue<string>());
        Assert.Equal("***REDACTED***", info.Node["effective"]!["refresh_token"]!.GetValue<string>());
        Assert.DoesNotContain(_cli.Emulator.RefreshToken, info.Result.Stdout, StringComparison.Ordinal);

        var profiles = (await _cli.JsonAsync("profiles", "list")).Node.AsArray();
        Assert.Equal("default", profiles.Single()!["name"]!.GetValue<string>());
        var table = await _cli.RunAsync("profiles", "show", "-o", "table");
        Assert.Contains("***REDACTED***", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_cli.Emulator.RefreshToken, table.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus", "'--bogus'", "regions", "list", "--bogus")]
    [InlineData("--output", "--output", "regions", "list", "-o", "xml")]
    [InlineData("--bid-price", "--bid-price", "nodepools", "spot", "create", "--cloudspace", "demo", "--serverclass", "gp.vs1.medium-dfw", "--bid-price", "abc")]
    [InlineData("--desired", "--desired", "nodepools", "spot", "create", "--cloudspace", "demo", "--serverclass", "gp.vs1.medium-dfw", "--bid-price", "0.1", "--desired", "two")]
    [InlineData("--taint", "--taint", "nodepools", "spot", "create", "--cloudspace", "demo", "--serverclass", "gp.vs1.medium-dfw", "--bid-price", "0.1", "--taint", "novalue")]
    [InlineData("--spot-nodepool", "--spot-nodepool", "cloudspaces", "create", "x", "--region", "us-central-dfw-1", "--spot-nodepool", "desired=2,serverclass=gp.vs1.medium-dfw")]
    [InlineData("--risk", "--risk", "pricing", "build", "--nodes", "2", "--risk", "extreme")]
    [InlineData("--yes", "--yes", "cloudspaces", "delete", "--name", "nothing-here")]
    [InlineData("unknown word", "'lst'", "regions", "lst")]
    public async Task Bad_flags_and_values_exit_2_naming_the_flag(string what, string expected, params string[] args)
    {
        var result = await _cli.RunAsync(args);
        Assert.True(result.ExitCode == 2, $"{what}: {result}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Api_errors_exit_5()
    {
        var result = await _cli.RunAsync("cloudspaces", "get", "does-not-exist", "-o", "table");
        Assert.Equal(5, result.ExitCode);
        Assert.Contains("does-not-exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_api_exits_6_with_one_line_and_no_stack_trace()
    {
        var config = Path.Combine(_cli.Home, "unreachable.yaml");
        await File.WriteAllTextAsync(config, "profiles:\n  x:\n    org: sandbox\n    refresh_token: abc\n    base_url: http://127.0.0.1:1\n    oauth_url: http://127.0.0.1:1\nactive_profile: x\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var result = await _cli.RunAsync("--config-file", config, "regions", "list", "--no-cache", "-o", "table");
        Assert.Equal(6, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);

        var verbose = await _cli.RunAsync("--config-file", config, "regions", "list", "--no-cache", "--verbose", "-o", "table");
        Assert.Equal(6, verbose.ExitCode);
        Assert.Contains("[http] POST http://127.0.0.1:1/oauth/token failed", verbose.Stderr, StringComparison.Ordinal);
        Assert.Contains("SpotTransportException", verbose.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", verbose.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_config_file_exits_3()
    {
        var result = await _cli.RunAsync("--config-file", Path.Combine(_cli.Home, "nope.yaml"), "regions", "list");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("nope.yaml", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_scripts_and_suggest_directive_complete_names()
    {
        foreach (var shell in new[] { "bash", "zsh", "fish", "powershell" })
        {
            var script = await _cli.RunAsync("completion", shell);
            Assert.Equal(0, script.ExitCode);
            Assert.Contains("[suggest:", script.Stdout, StringComparison.Ordinal);
        }

        var commands = await _cli.RunAsync("[suggest:10]", "rsspot clo");
        Assert.Equal(["cloudspace", "cloudspaces", "vmcloudspace", "vmcloudspaces", "vm-cloudspaces"], commands.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var options = await _cli.RunAsync("[suggest:29]", "rsspot cloudspaces create --wa");
        Assert.Contains("--wait", options.Stdout.Split('\n'), StringComparer.Ordinal);
    }
}
