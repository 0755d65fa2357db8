using System.Runtime.Versioning;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>
/// Issue 29, item 4 (and the declined prompt of item 12): on a pseudo-terminal, rsspot leaves the terminal's modes as
/// it found them; application cursor/keypad mode (<c>ESC[?1h ESC=</c>) is switched on only while a prompt reads keys,
/// and switched off again before the process ends.
/// </summary>
[UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class TerminalModeTests(CliFixture cli) : IClassFixture<CliFixture>
{
    private const string ApplicationCursor = "\u001b[?1h";
    private const string NormalCursor = "\u001b[?1l";

    [Theory]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("regions", "list")]
    [InlineData("regions", "get", "nosuch")]
    public async Task Commands_that_read_no_keys_leave_the_terminal_modes_alone(params string[] args)
    {
        await using var tty = TerminalSession.Start(cli.Environment, args);

        await tty.ExitCodeAsync();

        Assert.DoesNotContain(ApplicationCursor, tty.Screen, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b=", tty.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declined_prompt_restores_the_cursor_mode_and_exits_1_not_130()
    {
        Assert.Equal(0, (await cli.RunAsync("configure", "--profile", "doomed", "--org", "acme")).ExitCode);
        await using var tty = TerminalSession.Start(cli.Environment, "profiles", "delete", "doomed");
        await tty.WaitForAsync("? [y/N] ");
        await tty.TypeLineAsync("n");

        Assert.Equal(1, await tty.ExitCodeAsync());
        var screen = tty.Screen;
        Assert.Contains("Not confirmed; nothing was changed.", screen, StringComparison.Ordinal);
        var switchedOn = screen.LastIndexOf(ApplicationCursor, StringComparison.Ordinal);
        Assert.True(switchedOn < 0 || screen.LastIndexOf(NormalCursor, StringComparison.Ordinal) > switchedOn, "the terminal was left in application cursor mode");
    }

    [Fact]
    public async Task Ctrl_C_at_a_prompt_exits_130_and_restores_the_cursor_mode()
    {
        Assert.Equal(0, (await cli.RunAsync("configure", "--profile", "kept", "--org", "acme")).ExitCode);
        await using var tty = TerminalSession.Start(cli.Environment, "profiles", "delete", "kept");
        await tty.WaitForAsync("? [y/N] ");
        await tty.TypeAsync("\u0003");

        Assert.Equal(130, await tty.ExitCodeAsync());
        var screen = tty.Screen;
        var switchedOn = screen.LastIndexOf(ApplicationCursor, StringComparison.Ordinal);
        Assert.True(switchedOn < 0 || screen.LastIndexOf(NormalCursor, StringComparison.Ordinal) > switchedOn, "the terminal was left in application cursor mode");
        Assert.Contains("kept:", await File.ReadAllTextAsync(cli.ConfigPath), StringComparison.Ordinal);
    }
}
