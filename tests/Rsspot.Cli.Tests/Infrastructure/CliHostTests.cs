using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Infrastructure;

/// <summary>
/// A command runs in process on the streams, environment and keyboard its <see cref="CliHost"/> gives it, reading
/// nothing from the console or the process environment.
/// </summary>
public sealed class CliHostTests(CliFixture cli) : IClassFixture<CliFixture>, IDisposable
{
    private const string Token = "rt-TypedInProcess-Secret-4417";
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-host-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task A_command_reads_its_config_and_output_choice_from_the_given_environment_only()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>(cli.Environment) { ["RSSPOT_OUTPUT"] = "yaml", ["RSSPOT_OUTPUT_SHAPE"] = "raw" };

        var exit = await CliApp.RunAsync(["regions", "list"], CliHost.Redirected(output, error, TextReader.Null, environment));

        Assert.True(exit == 0, error.ToString());
        Assert.StartsWith("- ", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("us-central-dfw-1", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configure_on_a_terminal_reads_the_hidden_token_from_the_key_reader_and_never_echoes_it()
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var input = new StringReader($"acme\nus-east-iad-1\n{Token}\n\n\n");
        var environment = CliEnvironment.Of(new Dictionary<string, string> { ["HOME"] = _home });
        var host = new CliHost(output, error, input, new Terminal(StdoutIsTerminal: true, StdinIsTerminal: true, Colour: false), environment, new TextKeyReader(input));

        var exit = await CliApp.RunAsync(["configure", "--profile", "typed"], host);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("Refresh token (input hidden): ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString() + output, StringComparison.Ordinal);
        var config = await File.ReadAllTextAsync(Path.Combine(_home, ".config", "rsspot", "config.yaml"));
        Assert.Contains("org: acme", config, StringComparison.Ordinal);
        Assert.Contains(Token, config, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void The_test_runner_runs_in_process_only_what_rsspot_reads_through_its_session()
    {
        Skip.If(CliRunner.OutOfProcess, "every run goes to a child process in this pass");
        Assert.True(CliRunner.CanRunInProcess(cli.Environment, ["regions", "list"]));
        Assert.False(CliRunner.CanRunInProcess(new Dictionary<string, string>(cli.Environment) { ["LANG"] = "de_DE.UTF-8" }, ["regions", "list"]));
        Assert.False(CliRunner.CanRunInProcess(new Dictionary<string, string> { ["RSSPOT_CONFIG"] = cli.ConfigPath }, ["regions", "list"]));
        Assert.False(CliRunner.CanRunInProcess(cli.Environment, ["emulator", "start"]));
        Assert.True(CliRunner.CanRunInProcess(cli.Environment, ["mcp"])); // on the host's byte streams, not the console
    }
}
