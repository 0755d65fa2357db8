using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands.Config;

/// <summary>config set-default-org|profile|region in an empty HOME: the preferences fill in what a profile leaves out.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SetDefaultCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-config-").FullName;

    private Dictionary<string, string> Env => new() { ["HOME"] = _home, ["NO_COLOR"] = "1" };

    private string ConfigPath => Path.Combine(_home, ".config", "rsspot", "config.yaml");

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Default_org_and_profile_preferences_fill_in_what_a_profile_leaves_out()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "configure", "--profile", "bare", "--region", "uk-lon-1")).ExitCode);

        var setOrg = await CliRunner.RunAsync(Env, null, "config", "set-default-org", "zeta", "-o", "json");
        Assert.True(setOrg.ExitCode == 0, setOrg.ToString());
        Assert.Equal("zeta", setOrg.Json["default_org"]!.GetValue<string>());
        var info = await CliRunner.RunAsync(Env, null, "config", "info", "-p", "bare", "-o", "json");
        Assert.Equal("zeta", info.Json["effective"]!["org"]!.GetValue<string>());
        Assert.Equal("uk-lon-1", info.Json["effective"]!["region"]!.GetValue<string>());

        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "config", "set-default-profile", "bare")).ExitCode);
        Assert.Contains("default_profile: bare", await File.ReadAllTextAsync(ConfigPath), StringComparison.Ordinal);
        Assert.Equal(2, (await CliRunner.RunAsync(Env, null, "config", "set-default-org")).ExitCode);
    }
}
