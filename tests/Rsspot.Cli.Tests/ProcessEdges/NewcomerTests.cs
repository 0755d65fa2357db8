using System.Runtime.Versioning;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>Issue 29, items 10 to 12: help, usage errors, hints and small truths a newcomer meets, each in a real process.</summary>
[UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class NewcomerTests(CliFixture cli) : IClassFixture<CliFixture>
{
    private static string OneErrorLine(CliResult result)
    {
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public async Task Rsspot_alone_and_rsspot_help_print_the_help_with_every_exit_code()
    {
        foreach (var args in new[] { Array.Empty<string>(), ["help"], ["--help"] })
        {
            var result = await cli.RunAsync(args);

            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("Exit codes:", result.Stdout, StringComparison.Ordinal);
            foreach (var code in new[] { "2 usage", "3 config", "4 auth", "5 API", "6 network", "7 conflict", "8 ", "9 ", "130 interrupted" })
            {
                Assert.Contains(code, result.Stdout, StringComparison.Ordinal);
            }
        }

        var sub = await cli.RunAsync("help", "regions");
        Assert.True(sub.ExitCode == 0, sub.ToString());
        Assert.Contains("list", sub.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_README_exit_code_table_lists_every_code()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(Rsspot.Tests.Support.RepositoryRoot.Find(), "README.md"));
        foreach (var code in new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 130 })
        {
            Assert.Contains($"| {code} | ", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_command_with_help_is_an_error_exit_2()
    {
        var result = await cli.RunAsync("nosuch", "--help");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("nosuch", OneErrorLine(result), StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    public async Task Pricing_history_refuses_a_count_below_1(string n)
    {
        var result = await cli.RunAsync("pricing", "history", "gp.vs1.medium-dfw", "-n", n);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("-n", OneErrorLine(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("completion", "tcsh")]
    [InlineData("emulator", "start", "--port", "99999")]
    [InlineData("pricing", "build", "--nodes", "0")]
    public async Task Usage_errors_are_one_line_without_dotnet_text(params string[] args)
    {
        var result = await cli.RunAsync(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = OneErrorLine(result);
        Assert.DoesNotContain("(Parameter", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_spec_file_with_two_errors_reports_the_first_in_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("rsspot-spec-").FullName;
        try
        {
            var spec = Path.Combine(dir, "spec.yaml");
            await File.WriteAllTextAsync(spec, "name: two-errors\nregion: [1]\nspotNodePools:\n  - desired: -1\n    serverclass: gp.vs1.medium-dfw\n    bidprice: 0.08\n");

            var result = await cli.RunAsync("cloudspaces", "create", "--file", spec);

            Assert.True(result.ExitCode == 2, result.ToString());
            var line = OneErrorLine(result);
            Assert.Contains("region", line, StringComparison.Ordinal);
            Assert.DoesNotContain("spotNodePools[0]", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Regions_get_of_an_unknown_region_does_not_suggest_org()
    {
        var result = await cli.RunAsync("regions", "get", "nosuch");

        Assert.True(result.ExitCode == 5, result.ToString());
        var line = OneErrorLine(result);
        Assert.DoesNotContain("--org", line, StringComparison.Ordinal);
        Assert.Contains("regions list", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configure_without_activating_hints_at_the_profile_it_saved()
    {
        var result = await cli.RunAsync("configure", "--profile", "side", "--org", "acme", "--no-activate", "-o", "table");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Try: rsspot regions list --profile side", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_config_with_name_complains_about_the_file_it_chose_not_about_a_flag_not_typed()
    {
        var dir = Directory.CreateTempSubdirectory("rsspot-getconfig-").FullName;
        try
        {
            Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "named", "--region", "us-central-dfw-1")).ExitCode);
            await File.WriteAllTextAsync(Path.Combine(dir, "named.yaml"), "keep me");

            var result = await CliRunner.RunInAsync(dir, cli.Environment, null, "cloudspaces", "get-config", "--name", "named");

            Assert.True(result.ExitCode == 2, result.ToString());
            var line = OneErrorLine(result);
            Assert.StartsWith("error: --name named", line, StringComparison.Ordinal);
            Assert.DoesNotContain("--file:", line, StringComparison.Ordinal);
            Assert.Equal("keep me", await File.ReadAllTextAsync(Path.Combine(dir, "named.yaml")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task History_times_carry_their_zone()
    {
        Assert.Equal(0, (await cli.RunAsync("regions", "list")).ExitCode);
        var env = cli.Environment;
        env["TZ"] = "Asia/Kolkata";

        var result = await CliRunner.RunProcessAsync(env, null, "config", "history", "list", "-o", "table");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("+05:30", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TERM_dumb_gets_no_bold_on_a_terminal()
    {
        var env = cli.Environment;
        env.Remove("NO_COLOR");
        await using var tty = TerminalSession.Start(env, "regions", "list");
        Assert.Equal(0, await tty.ExitCodeAsync());
        Assert.Contains("\u001b[1m", tty.Screen, StringComparison.Ordinal);

        env["TERM"] = "dumb";
        await using var dumb = TerminalSession.Start(env, "regions", "list");
        Assert.Equal(0, await dumb.ExitCodeAsync());
        Assert.Contains("us-central-dfw-1", dumb.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", dumb.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_line_is_cut_at_1000_characters_and_whole_under_verbose()
    {
        var longName = new string('a', 5000);

        var result = await cli.RunAsync("cloudspaces", "get", longName);

        Assert.NotEqual(0, result.ExitCode);
        var line = OneErrorLine(result);
        Assert.InRange(line.Length, 900, 1100);
        Assert.Contains("--verbose", line, StringComparison.Ordinal);

        var verbose = await cli.RunAsync("cloudspaces", "get", longName, "--verbose");
        Assert.Contains(longName, verbose.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Node_pools_are_named_by_a_unique_prefix_and_spot_delete_takes_cloudspace()
    {
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "prefixed", "--region", "us-central-dfw-1", "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.08")).ExitCode);
        var pools = (await cli.JsonAsync("nodepools", "spot", "list", "--cloudspace", "prefixed")).Node.AsArray();
        var pool = Assert.Single(pools)!["metadata"]!["name"]!.GetValue<string>();

        var got = await cli.JsonAsync("nodepools", "spot", "get", pool[..8]);
        Assert.Equal(pool, got.Node["metadata"]!["name"]!.GetValue<string>());

        var wrongCloudspace = await cli.RunAsync("nodepools", "spot", "delete", pool, "--cloudspace", "named-nothing", "--yes");
        Assert.True(wrongCloudspace.ExitCode == 2, wrongCloudspace.ToString());

        var deleted = await cli.RunAsync("nodepools", "spot", "delete", pool[..8], "--cloudspace", "prefixed", "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Empty((await cli.JsonAsync("nodepools", "spot", "list", "--cloudspace", "prefixed", "--no-cache")).Node.AsArray());
    }
}
