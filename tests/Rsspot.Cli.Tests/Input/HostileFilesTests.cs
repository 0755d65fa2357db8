using System.Text;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Input;

/// <summary>
/// Hostile paths and contents for every file the CLI reads or replaces: the config (exit 3), a --file spec
/// (exit 2) and the kubeconfig output path (exit 2). Each is refused with a message naming the file, in a real
/// process, before any request; the alias bomb and the deep nesting do not exhaust memory or stack.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileFilesTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-hostile-").FullName;

    private Dictionary<string, string> Env => new() { ["HOME"] = _home, ["NO_COLOR"] = "1" };

    public void Dispose() => Directory.Delete(_home, recursive: true);

    public static TheoryData<string> Kinds => ["alias-bomb", "deep", "fifo", "/dev/zero", "directory"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_hostile_config_file_is_a_config_error(string kind)
    {
        var path = Make(kind, "config.yaml");

        var result = await CliRunner.RunAsync(Env, null, "--config-file", path, "regions", "list");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(path, result.Stderr, StringComparison.Ordinal);
        Assert.Contains(Reason(kind), result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_hostile_config_named_by_the_environment_is_a_config_error(string kind)
    {
        var path = Make(kind, "env-config.yaml");
        var env = Env;
        env["RSSPOT_CONFIG"] = path;

        var result = await CliRunner.RunAsync(env, null, "config", "info");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(Reason(kind), result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_hostile_spec_file_is_a_usage_error_naming_the_flag(string kind)
    {
        var path = Make(kind, "spec.yaml");

        var result = await CliRunner.RunAsync(Env, null, "cloudspaces", "create", "--file", path);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--file", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(Reason(kind), result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fifo")]
    [InlineData("/dev/zero")]
    [InlineData("directory")]
    public async Task A_kubeconfig_output_path_that_is_not_a_file_is_refused_before_any_request(string kind)
    {
        var path = Make(kind, "kubeconfig");

        // No config at all: reaching the API would fail with exit 4, so exit 2 proves the path was checked first.
        var result = await CliRunner.RunAsync(Env, null, "cloudspaces", "get-config", "demo", "--file", path, "--force");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--file", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(path, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_legacy_spot_config_that_is_a_fifo_is_a_config_error()
    {
        Make("fifo", ".spot_config");

        var result = await CliRunner.RunAsync(Env, null, "config", "info");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(".spot_config", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_toml_config_with_a_duplicate_key_is_refused()
    {
        var path = Path.Combine(_home, "config.toml");
        await File.WriteAllTextAsync(path, "[profiles.a]\norg = \"x\"\norg = \"y\"\n");

        var result = await CliRunner.RunAsync(Env, null, "--config-file", path, "config", "info");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("twice", result.Stderr, StringComparison.Ordinal);
    }

    private static string Reason(string kind) => kind switch
    {
        "alias-bomb" => "more than 100000 values",
        "deep" => "deeper than 64 levels",
        "directory" => "directory",
        _ => "not a regular file",
    };

    private string Make(string kind, string name)
    {
        var path = Path.Combine(_home, name);
        switch (kind)
        {
            case "alias-bomb":
                File.WriteAllText(path, AliasBomb());
                return path;
            case "deep":
                File.WriteAllText(path, new string('[', 100_000) + new string(']', 100_000));
                return path;
            case "fifo":
                using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])!)
                {
                    mkfifo.WaitForExit();
                    Assert.Equal(0, mkfifo.ExitCode);
                }

                return path;
            case "directory":
                Directory.CreateDirectory(path);
                return path;
            default:
                return kind;
        }
    }

    private static string AliasBomb()
    {
        var text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        var previous = "a";
        for (var level = 1; level <= 9; level++)
        {
            var name = "l" + level;
            text.Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
            previous = name;
        }

        return text.ToString();
    }
}
