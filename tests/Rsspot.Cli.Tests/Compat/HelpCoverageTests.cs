using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Compat;

/// <summary>Every command path and flag of the Python rsspot and spotctl is accepted and shown in the matching <c>--help</c>.</summary>
public sealed class HelpCoverageTests
{
    public static TheoryData<string, string, string> Commands()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var command in CompatReference.Commands)
        {
            data.Add(command.Cli, command.Command, command.Flags);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_command_exists_and_its_help_shows_every_flag(string cli, string command, string flags)
    {
        var reference = new ForeignCommand(cli, command, flags);
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var help = await CliRunner.RunAsync(new Dictionary<string, string> { ["HOME"] = Path.GetTempPath(), ["NO_COLOR"] = "1" }, null, [.. words, "--help"]);

        Assert.True(help.ExitCode == 0, $"{reference}\n{help}");
        var missing = reference.Spellings.Where(flag => !ShowsFlag(help.Stdout, flag)).ToList();
        Assert.True(missing.Count == 0, $"{reference}: --help does not show {string.Join(", ", missing)}\n{help.Stdout}");
    }

    [Fact]
    public void The_reference_covers_both_clis()
    {
        Assert.True(CompatReference.Commands.Count(c => c.Cli == CompatReference.Python) >= 40);
        Assert.True(CompatReference.Commands.Count(c => c.Cli == CompatReference.Spotctl) >= 25);
    }

    // A flag counts as shown when help lists it as a whole word (so --name does not match --namespace).
    private static bool ShowsFlag(string help, string flag) =>
        System.Text.RegularExpressions.Regex.IsMatch(help, $@"(^|[\s,]){System.Text.RegularExpressions.Regex.Escape(flag)}($|[\s,=<])", System.Text.RegularExpressions.RegexOptions.Multiline);
}
