using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>Issue 29, item 1: a process without a usable home folder (a DynamicUser= service, a container user).</summary>
[Trait("Category", "EndToEnd")]
public sealed class NoHomeTests(CliFixture cli) : IClassFixture<CliFixture>
{
    private const string MissingHome = "/nonexistent/rsspot-home";

    private Dictionary<string, string> EnvironmentOnly => new()
    {
        ["HOME"] = MissingHome,
        ["NO_COLOR"] = "1",
        ["RSSPOT_BASE_URL"] = cli.Emulator.BaseUrl,
        ["RSSPOT_OAUTH_URL"] = cli.Emulator.BaseUrl,
        ["RSSPOT_PRICE_DATA_URL"] = cli.Emulator.BaseUrl,
        ["RSSPOT_REFRESH_TOKEN"] = cli.Emulator.RefreshToken,
        ["RSSPOT_ORG"] = cli.Emulator.OrganizationName,
    };

    [Theory]
    [InlineData(MissingHome)]
    [InlineData("relative/home")]
    [InlineData("")]
    public async Task A_config_named_by_RSSPOT_CONFIG_works_whatever_HOME_is(string home)
    {
        var env = cli.Environment;
        env["HOME"] = home;

        var result = await CliRunner.RunProcessAsync(env, null, "regions", "list", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("us-central-dfw-1", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_named_by_the_flag_works_without_a_home()
    {
        var env = new Dictionary<string, string> { ["HOME"] = MissingHome, ["NO_COLOR"] = "1" };

        var result = await CliRunner.RunProcessAsync(env, null, "-c", cli.ConfigPath, "regions", "list", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
    }

    [Fact]
    public async Task An_environment_only_configuration_works_and_warns_once_that_state_is_in_memory()
    {
        var result = await CliRunner.RunProcessAsync(EnvironmentOnly, null, "regions", "list", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("us-central-dfw-1", result.Stdout, StringComparison.Ordinal);
        var warnings = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var warning = Assert.Single(warnings);
        Assert.StartsWith("warning: there is no home directory", warning, StringComparison.Ordinal);
        Assert.Contains("in memory", warning, StringComparison.Ordinal);
        Assert.False(Directory.Exists(MissingHome));
    }

    [Fact]
    public async Task Configure_without_a_home_exits_3_naming_the_variable_to_set()
    {
        var result = await CliRunner.RunProcessAsync(EnvironmentOnly, null, "configure", "--org", "acme");

        Assert.True(result.ExitCode == 3, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("RSSPOT_CONFIG", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(MissingHome));
    }

    [Fact]
    public async Task A_state_path_with_a_tilde_and_no_home_is_a_config_error_not_a_crash()
    {
        var dir = Directory.CreateTempSubdirectory("rsspot-nohome-").FullName;
        try
        {
            var config = Path.Combine(dir, "config.yaml");
            await File.WriteAllTextAsync(config, $"state_path: ~/state.db\nprofiles:\n  default:\n    org: {cli.Emulator.OrganizationName}\n");
            var env = new Dictionary<string, string> { ["HOME"] = MissingHome, ["RSSPOT_CONFIG"] = config };

            var result = await CliRunner.RunProcessAsync(env, null, "config", "history", "info");

            Assert.True(result.ExitCode == 3, result.ToString());
            Assert.Contains("'~'", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
