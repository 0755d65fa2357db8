using System.Runtime.Versioning;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>rsspot on a real pseudo-terminal: interactive configure, confirmation of deletes, colour rules.</summary>
[UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class TerminalTests : IClassFixture<CliFixture>, IDisposable
{
    private const string Token = "rt-TypedAtThePrompt-Secret-7731";
    private const string Bold = "\u001b[1m";
    private readonly CliFixture _cli;
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-tty-").FullName;

    public TerminalTests(CliFixture cli) => _cli = cli;

    private Dictionary<string, string> Env => new() { ["HOME"] = _home, ["NO_COLOR"] = "1" };

    private string ConfigPath => Path.Combine(_home, ".config", "rsspot", "config.yaml");

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Configure_without_flags_asks_each_question_and_never_shows_the_token()
    {
        await using var tty = TerminalSession.Start(Env, "configure", "--profile", "typed");
        await tty.WaitForAsync("Organization name: ");
        await tty.TypeLineAsync("acme");
        await tty.WaitForAsync("Default region");
        await tty.TypeLineAsync("us-east-iad-1");
        await tty.WaitForAsync("Refresh token (input hidden): ");
        await tty.TypeLineAsync(Token);
        await tty.WaitForAsync("API URL");
        await tty.TypeLineAsync(string.Empty);
        await tty.WaitForAsync("OAuth URL");
        await tty.TypeLineAsync(string.Empty);

        Assert.True(await tty.ExitCodeAsync() == 0, tty.Screen);
        Assert.DoesNotContain(Token, tty.Screen, StringComparison.Ordinal);
        Assert.Contains("Saved profile 'typed'", tty.Screen, StringComparison.Ordinal);
        var config = await File.ReadAllTextAsync(ConfigPath);
        Assert.Contains("org: acme", config, StringComparison.Ordinal);
        Assert.Contains("region: us-east-iad-1", config, StringComparison.Ordinal);
        Assert.Contains(Token, config, StringComparison.Ordinal);
        Assert.DoesNotContain("base_url", config, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
    }

    [Fact]
    public async Task Delete_on_a_terminal_asks_and_only_yes_deletes()
    {
        Assert.Equal(0, (await CliRunner.RunAsync(Env, null, "configure", "--profile", "keep", "--org", "acme")).ExitCode);

        await using (var declined = TerminalSession.Start(Env, "profiles", "delete", "keep"))
        {
            await declined.WaitForAsync("? [y/N] ");
            await declined.TypeLineAsync("n");
            Assert.NotEqual(0, await declined.ExitCodeAsync());
        }

        Assert.Contains("keep:", await File.ReadAllTextAsync(ConfigPath), StringComparison.Ordinal);

        await using (var confirmed = TerminalSession.Start(Env, "profiles", "delete", "keep"))
        {
            await confirmed.WaitForAsync("? [y/N] ");
            await confirmed.TypeLineAsync("y");
            Assert.True(await confirmed.ExitCodeAsync() == 0, confirmed.Screen);
        }

        Assert.DoesNotContain("keep:", await File.ReadAllTextAsync(ConfigPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tables_are_coloured_on_a_terminal_unless_NO_COLOR_is_set()
    {
        var env = _cli.Environment;
        env.Remove("NO_COLOR");
        await using (var coloured = TerminalSession.Start(env, "regions", "list"))
        {
            Assert.True(await coloured.ExitCodeAsync() == 0, coloured.Screen);
            Assert.Contains(Bold + "NAME", coloured.Screen, StringComparison.Ordinal);
        }

        await using (var plain = TerminalSession.Start(_cli.Environment, "regions", "list"))
        {
            Assert.True(await plain.ExitCodeAsync() == 0, plain.Screen);
            Assert.Contains("NAME", plain.Screen, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b[", plain.Screen.Replace("\u001b[?1h\u001b=", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var piped = await CliRunner.RunAsync(env, null, "regions", "list");
        Assert.True(piped.ExitCode == 0, piped.ToString());
        Assert.DoesNotContain("\u001b[", piped.Stdout, StringComparison.Ordinal);
    }
}
