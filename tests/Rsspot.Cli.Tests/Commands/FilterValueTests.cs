using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands;

/// <summary>Wrong names in filters are usage errors with the valid values and the nearest one, never an empty table.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FilterValueTests(CliFixture cli) : IClassFixture<CliFixture>
{
    [Theory]
    [InlineData(new[] { "server-classes", "list", "--region", "us-dfw" }, "--region", "us-central-dfw-1")]
    [InlineData(new[] { "pricing", "list", "--region", "us-central-dfw" }, "--region", "us-central-dfw-1")]
    [InlineData(new[] { "server-classes", "list", "--category", "xyz" }, "--category", null)]
    [InlineData(new[] { "pricing", "list", "--family", "gq" }, "--family", "gp")]
    [InlineData(new[] { "pricing", "build", "--nodes", "2", "--generation", "vs3" }, "--generation", null)]
    public async Task An_unknown_filter_value_exits_2_naming_the_flag_and_the_valid_values(string[] args, string flag, string? suggestion)
    {
        var result = await cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.StartsWith($"error: {flag}: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Known:", result.Stderr, StringComparison.Ordinal);
        if (suggestion is not null)
        {
            Assert.Contains($"Did you mean '{suggestion}'?", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Prices_for_several_nodes_multiply_the_p50_column_too()
    {
        var one = (await cli.JsonAsync("pricing", "list", "--region", "us-central-dfw-1", "--family", "gp")).Result;
        var three = await cli.RunAsync("pricing", "list", "--region", "us-central-dfw-1", "--family", "gp", "--nodes", "3", "-o", "table");
        Assert.Equal(0, three.ExitCode);

        var first = one.Json.AsArray().First(r => r!["p50"] is not null)!;
        var p50 = first["p50"]!.GetValue<decimal>();
        var line = three.Stdout.Split('\n').First(l => l.StartsWith(first["server_class"]!.GetValue<string>() + " ", StringComparison.Ordinal));
        Assert.EndsWith("$" + (p50 * 3).ToString("0.000###", System.Globalization.CultureInfo.InvariantCulture), line.TrimEnd(), StringComparison.Ordinal);
    }
}
