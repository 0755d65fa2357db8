using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Compat;

/// <summary>Piped output is JSON (as both other CLIs print); <c>--output</c>, <c>RSSPOT_OUTPUT</c> and the config's <c>output</c> choose another.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OutputDefaultTests : IClassFixture<CliFixture>
{
    private readonly CliFixture _cli;

    public OutputDefaultTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Fact]
    public async Task Piped_output_is_json_and_the_environment_the_flag_and_the_config_override_it()
    {
        var piped = await _cli.RunAsync("regions", "list");
        Assert.Equal(0, piped.ExitCode);
        Assert.NotEmpty(piped.Json.AsArray());

        var fromEnvironment = await CliRunner.RunAsync(new Dictionary<string, string>(_cli.Environment) { ["RSSPOT_OUTPUT"] = "table" }, null, "regions", "list");
        Assert.StartsWith("NAME", fromEnvironment.Stdout, StringComparison.Ordinal);
        var flagWins = await CliRunner.RunAsync(new Dictionary<string, string>(_cli.Environment) { ["RSSPOT_OUTPUT"] = "table" }, null, "regions", "list", "-o", "yaml");
        Assert.StartsWith("- apiVersion:", flagWins.Stdout, StringComparison.Ordinal);
        var badEnvironment = await CliRunner.RunAsync(new Dictionary<string, string>(_cli.Environment) { ["RSSPOT_OUTPUT"] = "xml" }, null, "regions", "list");
        Assert.Equal(2, badEnvironment.ExitCode);
        Assert.Contains("RSSPOT_OUTPUT", badEnvironment.Stderr, StringComparison.Ordinal);

        // A config with output: table (a copy of the fixture's, so other tests keep the default).
        var config = Path.Combine(_cli.Home, "table-config.yaml");
        await File.WriteAllTextAsync(config, "output: table\n" + await File.ReadAllTextAsync(_cli.ConfigPath));
        var fromConfig = await _cli.RunAsync("regions", "list", "--config-file", config);
        Assert.True(fromConfig.ExitCode == 0, fromConfig.ToString());
        Assert.StartsWith("NAME", fromConfig.Stdout, StringComparison.Ordinal);
        var environmentWinsOverConfig = await CliRunner.RunAsync(new Dictionary<string, string>(_cli.Environment) { ["RSSPOT_OUTPUT"] = "json" }, null, "regions", "list", "--config-file", config);
        Assert.NotEmpty(environmentWinsOverConfig.Json.AsArray());
    }
}
