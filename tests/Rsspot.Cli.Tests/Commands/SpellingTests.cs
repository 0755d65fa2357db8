using System.Text.RegularExpressions;
using Rsspot.Cli.Tests.Support;
using Rsspot.Emulator;

namespace Rsspot.Cli.Tests.Commands;

/// <summary>One word for one thing: both spellings of a bid are accepted, help and hints say only what applies.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SpellingTests(CliFixture cli) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task Inline_pools_take_every_spelling_of_the_bid()
    {
        var created = (await cli.JsonAsync(
            "cloudspaces", "create", "bid-spellings", "--region", "us-central-dfw-1",
            "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.071",
            "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bid-price=0.072",
            "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bid_price=0.073")).Node;

        var bids = created["spotNodePools"]!.AsArray().Select(p => p!["spec"]!["bidPrice"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(["0.071", "0.072", "0.073"], bids);
    }

    [Theory]
    [InlineData("--bid-price")]
    [InlineData("--bidprice")]
    public async Task Spot_pool_create_and_update_take_both_bid_flags(string flag)
    {
        var cloudspace = "bid-flag" + flag.Length;
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", cloudspace, "--region", "us-central-dfw-1")).ExitCode);
        var pool = (await cli.JsonAsync("nodepools", "spot", "create", "--cloudspace", cloudspace, "--serverclass", "gp.vs1.medium-dfw", flag, "0.05")).Node;
        var name = pool["metadata"]!["name"]!.GetValue<string>();

        var updated = (await cli.JsonAsync("nodepools", "spot", "update", name, flag, "0.06")).Node;

        Assert.Equal("0.06", updated["spec"]!["bidPrice"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_pool_name_on_update_does_not_suggest_leaving_it_out()
    {
        var update = await cli.RunAsync("nodepools", "spot", "update", "12345", "--desired", "2");
        Assert.Equal(2, update.ExitCode);
        Assert.Contains("lower-case UUID", update.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("leave it out", update.Stderr, StringComparison.Ordinal);

        var create = await cli.RunAsync("nodepools", "spot", "create", "--cloudspace", "any", "--serverclass", "gp.vs1.medium-dfw", "--bid-price", "0.05", "--name", "12345");
        Assert.Equal(2, create.ExitCode);
        Assert.Contains("leave it out to get a new one", create.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emulator_start_help_lists_every_emulator_option_and_no_catch_all_arguments()
    {
        var help = await cli.RunAsync("emulator", "start", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.DoesNotContain("additional arguments", help.Stdout, StringComparison.Ordinal);
        var emulatorOptions = Regex.Matches(EmulatorCommandLine.Usage, @"^\s+(--[a-z-]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Where(o => o != "--help");
        Assert.All(emulatorOptions, option => Assert.Contains(option + " ", help.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Emulator_start_refuses_an_unknown_option_with_a_suggestion()
    {
        var result = await cli.RunAsync("emulator", "start", "--latency", "5");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--latency-ms", result.Stderr, StringComparison.Ordinal);
    }
}
