using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands.Configure;

/// <summary>configure into an empty HOME (no emulator needed), config info, and a broken state.db that must not fail a command.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConfigureCommandTests : IDisposable
{
    private const string Token = "rt-Secret9Value-ThatMustNeverLandInStateDb-42";
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-configure-").FullName;

    private Dictionary<string, string> Env => new() { ["HOME"] = _home, ["NO_COLOR"] = "1" };

    private string ConfigPath => Path.Combine(_home, ".config", "rsspot", "config.yaml");

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Configure_writes_0600_config_and_config_info_shows_the_source()
    {
        var configured = await CliRunner.RunAsync(Env, null, "configure", "--profile", "work", "--org", "acme", "--region", "us-east-iad-1", "--refresh-token", Token, "--base-url", "http://127.0.0.1:9");
        Assert.True(configured.ExitCode == 0, configured.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        Assert.DoesNotContain(Token, configured.Stdout, StringComparison.Ordinal);
        Assert.Contains(Token, await File.ReadAllTextAsync(ConfigPath), StringComparison.Ordinal);

        var info = await CliRunner.RunAsync(Env, null, "config", "info", "-o", "json");
        Assert.Equal(0, info.ExitCode);
        Assert.Equal("DefaultPath", info.Json["source"]!.GetValue<string>());
        Assert.Equal(ConfigPath, info.Json["config_file"]!.GetValue<string>());
        Assert.Equal("work", info.Json["profile"]!.GetValue<string>());
        Assert.Equal("acme", info.Json["effective"]!["org"]!.GetValue<string>());
        Assert.DoesNotContain(Token, info.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "configure", "--profile", "other", "--org", "beta")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "profiles", "use", "other")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "config", "set-default-region", "uk-lon-1")).ExitCode);
        var profiles = await CliRunner.RunAsync(Env, null, "profiles", "list", "-o", "json");
        Assert.Equal(["other"], profiles.Json.AsArray().Where(p => p!["active"]!.GetValue<bool>()).Select(p => p!["name"]!.GetValue<string>()));

        // As in the Python rsspot, a script (stdin not a terminal) deletes a profile without being asked; it says so.
        var unattended = await CliRunner.RunAsync(Env, null, "profiles", "delete", "work");
        Assert.Equal(0, unattended.ExitCode);
        Assert.Contains("not asked", unattended.Stderr, StringComparison.Ordinal);
        var left = await CliRunner.RunAsync(Env, null, "profiles", "list", "-o", "json");
        Assert.DoesNotContain("work", left.Json.AsArray().Select(p => p!["name"]!.GetValue<string>()));

        var nothing = await CliRunner.RunAsync(Env, null, "configure");
        Assert.Equal(2, nothing.ExitCode);
    }

    [Fact]
    public async Task A_broken_state_db_does_not_fail_the_command()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "configure", "--org", "acme")).ExitCode);
        var statePath = Path.Combine(_home, ".config", "rsspot", "state.db");
        await File.WriteAllTextAsync(statePath, "this is not a sqlite database, just text that is long enough to be read as a header");
        var result = await CliRunner.RunAsync(Env, null, "profiles", "list", "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
