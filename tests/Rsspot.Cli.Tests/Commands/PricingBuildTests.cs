using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands;

/// <summary><c>pricing build</c>: plans for one cloudspace stay in its region; impossible requests fail once, readably.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PricingBuildTests(CliFixture cli) : IClassFixture<CliFixture>
{
    private const string Dfw = "us-central-dfw-1";

    [Fact]
    public async Task A_plan_for_a_cloudspace_uses_only_its_region_and_applies()
    {
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "plan-dfw", "--region", Dfw)).ExitCode);

        var plan = (await cli.JsonAsync("pricing", "build", "--nodes", "4", "--risk", "low", "--cloudspace", "plan-dfw")).Node;
        var pools = plan["scenarios"]!.AsArray().SelectMany(sc => sc!["pools"]!.AsArray()).ToList();
        Assert.NotEmpty(pools);
        Assert.All(pools, pool => Assert.Equal(Dfw, pool!["region"]!.GetValue<string>()));
        var balanced = plan["scenarios"]!.AsArray().Single(sc => sc!["strategy"]!.GetValue<string>() == "balanced")!;
        Assert.True(balanced["pools"]!.AsArray().Count > 1);

        var applied = await cli.RunAsync("pricing", "build", "--nodes", "4", "--risk", "low", "--cloudspace", "plan-dfw", "--apply", "--yes", "-o", "json");
        Assert.True(applied.ExitCode == 0, applied.ToString());
        var created = (await cli.JsonAsync("nodepools", "spot", "list", "--cloudspace", "plan-dfw", "--no-cache")).Node.AsArray();
        Assert.Equal(balanced["pools"]!.AsArray().Count, created.Count);
        Assert.Equal(4, created.Sum(p => p!["spec"]!["desired"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_region_filter_that_leaves_out_the_cloudspaces_region_is_refused()
    {
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "plan-conflict", "--region", Dfw)).ExitCode);

        var result = await cli.RunAsync("pricing", "build", "--nodes", "2", "--cloudspace", "plan-conflict", "--in-region", "us-east-iad-1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"is in {Dfw}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_impossible_budget_says_why_once_keeps_the_table_narrow_and_exits_2()
    {
        var result = await cli.RunAsync("pricing", "build", "--nodes", "3", "--max-hourly", "0.0001", "-o", "table");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(1, Count(result.Stderr, "No feasible cluster"));
        Assert.Contains("$0.0001", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("No feasible", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, Count(result.Stdout, "not feasible"));
        Assert.All(result.Stdout.Split('\n'), line => Assert.True(line.Length <= 120, $"{line.Length} characters: {line}"));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_size_the_error_names_the_flags()
    {
        var result = await cli.RunAsync("pricing", "build", "--risk", "low");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--nodes", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--vcpu", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--memory-gb", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("TotalVcpu", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Nodes)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_min_above_max_names_the_flags_as_typed()
    {
        var result = await cli.RunAsync("pricing", "build", "--nodes", "2", "--min-hour", "2", "--max-hour", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--min-hour must not exceed --max-hour", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max-value")]
    [InlineData("max_value")]
    public async Task Scenarios_print_with_the_spelling_scenario_takes(string spelling)
    {
        // The Python rsspot's spelling, which its scripts read from the JSON; --scenario takes it, and hyphens too.
        var table = await cli.RunAsync("pricing", "build", "--nodes", "2", "--single", "-o", "table");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("max_value ", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("max-", table.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "plan-" + spelling.Replace('_', 'u'), "--region", Dfw)).ExitCode);
        var applied = await cli.RunAsync("pricing", "build", "--nodes", "2", "--cloudspace", "plan-" + spelling.Replace('_', 'u'), "--apply", "--yes", "--scenario", spelling, "-o", "json");
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Contains("Created 1 spot pool(s)", applied.Stderr, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
