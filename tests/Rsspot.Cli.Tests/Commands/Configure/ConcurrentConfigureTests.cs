using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands.Configure;

/// <summary>configure from many processes at once, and which profile configure makes active.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ConcurrentConfigureTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-concurrent-").FullName;

    private Dictionary<string, string> Env => new() { ["HOME"] = _home, ["NO_COLOR"] = "1" };

    private string ConfigPath => Path.Combine(_home, ".config", "rsspot", "config.yaml");

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Sixteen_parallel_configure_processes_keep_all_sixteen_profiles()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            CliRunner.RunAsync(Env, null, "configure", "--profile", "p" + i, "--org", "org" + i, "--region", "us-east-iad-1")));

        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var profiles = (await CliRunner.RunAsync(Env, null, "profiles", "list", "-o", "json")).Json.AsArray();
        Assert.Equal(
            Enumerable.Range(0, 16).Select(i => "p" + i).Order(StringComparer.Ordinal),
            profiles.Select(p => p!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Single(profiles, p => p!["active"]!.GetValue<bool>());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(ConfigPath)!, "*.tmp"));
    }

    [Fact]
    public async Task Only_the_first_profile_or_activate_changes_the_active_profile()
    {
        // A config whose profile is chosen by default_profile only (no active_profile), as a migrated legacy file is.
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        await File.WriteAllTextAsync(ConfigPath, "default_profile: dev\nprofiles:\n  dev:\n    org: acme\n");

        var prod = await CliRunner.RunAsync(Env, null, "configure", "--profile", "prod", "--org", "big", "-o", "json");
        Assert.True(prod.ExitCode == 0, prod.ToString());
        Assert.False(prod.Json["active"]!.GetValue<bool>());
        Assert.Equal("dev", (await CliRunner.RunAsync(Env, null, "config", "info", "-o", "json")).Json["profile"]!.GetValue<string>());

        var activated = await CliRunner.RunAsync(Env, null, "configure", "--profile", "prod", "--region", "uk-lon-1", "--activate", "-o", "json");
        Assert.True(activated.Json["active"]!.GetValue<bool>());
        Assert.Equal("prod", (await CliRunner.RunAsync(Env, null, "config", "info", "-o", "json")).Json["profile"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_first_profile_is_activated_unless_no_activate_is_given()
    {
        var first = await CliRunner.RunAsync(Env, null, "configure", "--profile", "one", "--org", "a", "--no-activate", "-o", "json");
        Assert.False(first.Json["active"]!.GetValue<bool>());
        Assert.DoesNotContain("active_profile", await File.ReadAllTextAsync(ConfigPath), StringComparison.Ordinal);

        var both = await CliRunner.RunAsync(Env, null, "configure", "--profile", "one", "--org", "a", "--activate", "--no-activate");
        Assert.Equal(2, both.ExitCode);
    }

    [Fact]
    public async Task A_config_that_does_not_parse_is_never_overwritten_by_configure()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigPath)!);
        const string Broken = "profiles:\n  dev: [unclosed\n";
        await File.WriteAllTextAsync(ConfigPath, Broken);

        var result = await CliRunner.RunAsync(Env, null, "configure", "--profile", "x", "--org", "y");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(Broken, await File.ReadAllTextAsync(ConfigPath));
    }
}
