using System.Runtime.Versioning;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>
/// Issue 29, items 7 (local write failures), 8 (temp files) and 9 (symbolic links, permissions): real files, real
/// links, real signals.
/// </summary>
[UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class LocalFilesTests(CliFixture cli) : IClassFixture<CliFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rsspot-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string> EnvWith(string config) => new() { ["HOME"] = _dir, ["RSSPOT_CONFIG"] = config, ["NO_COLOR"] = "1" };

    private async Task<string> SeededConfigAsync()
    {
        var config = Path.Combine(_dir, "config.yaml");
        await File.WriteAllTextAsync(config, "profiles:\n  default:\n    org: seed\n");
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return config;
    }

    private static string[] Temps(string folder) => [.. Directory.EnumerateFiles(folder, ".config.yaml.*.tmp").Select(Path.GetFileName)!];

    [Fact]
    public async Task A_kubeconfig_that_cannot_be_written_exits_2_naming_the_path_not_a_temp_file()
    {
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "files-demo", "--region", "us-central-dfw-1")).ExitCode);

        var result = await cli.RunAsync("cloudspaces", "get-config", "files-demo", "--file", "/proc/files-demo.yaml");

        Assert.True(result.ExitCode == 2, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'/proc/files-demo.yaml'", line, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_whose_folder_refuses_a_lock_file_exits_3_without_naming_the_lock()
    {
        var result = await CliRunner.RunProcessAsync(EnvWith("/proc/self/environ"), null, "configure", "--org", "acme");

        Assert.True(result.ExitCode == 3, result.ToString());
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(".lock", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not find file", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SIGTERM_during_configure_leaves_no_temp_file_holding_the_token()
    {
        var config = await SeededConfigAsync();
        var saved = 0;
        for (var i = 0; i < 12; i++)
        {
            await using var configure = CliProcess.Start(EnvWith(config), "configure", "--profile", "p" + i, "--org", "acme", "--refresh-token", "rt-Secret-Value-" + i);
            await Task.Delay(Random.Shared.Next(200, 1500));
            if (!configure.Stderr.Contains("Saved", StringComparison.Ordinal))
            {
                try
                {
                    await configure.SignalAsync("TERM");
                }
                catch (Xunit.Sdk.XunitException)
                {
                    // It had already finished.
                }
            }

            var exit = await configure.ExitCodeAsync();
            // 143: the signal came before rsspot started (and so before any write).
            Assert.True(exit is 0 or 130 or 143, $"exit {exit}: {configure.Stderr}");
            saved += exit == 0 ? 1 : 0;
        }

        Assert.Empty(Temps(_dir));
        Assert.True(saved > 0, "no configure run finished");
        var info = await CliRunner.RunProcessAsync(EnvWith(config), null, "config", "info", "-o", "json");
        Assert.True(info.ExitCode == 0, info.ToString());
    }

    [Fact]
    public async Task Temp_files_a_killed_writer_left_are_removed_by_the_next_write_when_older_than_a_minute()
    {
        var config = await SeededConfigAsync();
        var stale = Path.Combine(_dir, ".config.yaml.0123456789ab.tmp");
        var fresh = Path.Combine(_dir, ".config.yaml.ba9876543210.tmp");
        var unrelated = Path.Combine(_dir, ".config.yaml.notours.tmp");
        foreach (var file in new[] { stale, fresh, unrelated })
        {
            await File.WriteAllTextAsync(file, "refresh_token: rt-Left-Behind-Secret");
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow - TimeSpan.FromMinutes(5));
        }

        File.SetLastWriteTimeUtc(fresh, DateTime.UtcNow - TimeSpan.FromSeconds(10));

        var result = await CliRunner.RunProcessAsync(EnvWith(config), null, "configure", "--org", "acme");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(unrelated));
    }

    [Fact]
    public async Task Configure_writes_through_a_symlinked_config_to_its_target()
    {
        var dotfiles = Directory.CreateDirectory(Path.Combine(_dir, "dotfiles")).FullName;
        var target = Path.Combine(dotfiles, "rsspot.yaml");
        await File.WriteAllTextAsync(target, "profiles:\n  default:\n    org: before\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = Path.Combine(_dir, "config.yaml");
        File.CreateSymbolicLink(link, target);

        var result = await CliRunner.RunProcessAsync(EnvWith(link), null, "configure", "--org", "after");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Contains("org: after", await File.ReadAllTextAsync(target), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(dotfiles, "*.tmp"));
    }

    [Fact]
    public async Task A_config_holding_a_token_and_readable_by_others_gets_one_warning()
    {
        var config = Path.Combine(_dir, "exposed.yaml");
        await File.WriteAllTextAsync(config, $"active_profile: p\nprofiles:\n  p:\n    org: {cli.Emulator.OrganizationName}\n    refresh_token: {cli.Emulator.RefreshToken}\n    base_url: {cli.Emulator.BaseUrl}\n    oauth_url: {cli.Emulator.BaseUrl}\n");
        File.SetUnixFileMode(config, (UnixFileMode)0b110_110_110);

        var result = await CliRunner.RunProcessAsync(EnvWith(config), null, "regions", "list", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("warning: config file", warning, StringComparison.Ordinal);
        Assert.Contains("0666", warning, StringComparison.Ordinal);
        Assert.Contains("chmod 600", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.Emulator.RefreshToken, warning, StringComparison.Ordinal);

        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var quiet = await CliRunner.RunProcessAsync(EnvWith(config), null, "regions", "list", "-o", "json");
        Assert.Equal(string.Empty, quiet.Stderr);
    }

    [Fact]
    public async Task A_dangling_state_link_is_refused_and_its_target_not_created()
    {
        var missing = Path.Combine(_dir, "elsewhere", "state.db");
        var link = Path.Combine(_dir, "state.db");
        File.CreateSymbolicLink(link, missing);
        var config = Path.Combine(_dir, "config.yaml");
        await File.WriteAllTextAsync(config, "profiles:\n  default:\n    org: acme\n");

        var result = await CliRunner.RunProcessAsync(EnvWith(config), null, "config", "history", "info");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("symbolic link", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }
}
