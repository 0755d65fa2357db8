using Rsspot.Cli.Tests.Support;
using Rsspot.Cli.Commands;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Tests.Commands;

/// <summary>The pruned tree (only the named top-level command) must name commands exactly as they are built.</summary>
public sealed class CommandTreeTests
{
    [Fact]
    public void Each_top_level_name_is_the_name_of_the_command_it_builds()
    {
        using var session = new CliSession(TextWriter.Null, TextWriter.Null, TextReader.Null, Terminal.Redirected);
        foreach (var (name, _, create) in CommandTree.TopLevel)
        {
            Assert.Equal(name, create(session).Name);
        }
    }

    [Fact]
    public void A_known_first_word_builds_only_that_command_and_anything_else_the_whole_tree()
    {
        using var session = new CliSession(TextWriter.Null, TextWriter.Null, TextReader.Null, Terminal.Redirected);
        Assert.Equal(["regions"], CommandTree.Build(session, ["regions", "list"]).Subcommands.Select(c => c.Name));
        Assert.Equal(["cloudspaces"], CommandTree.Build(session, ["cs", "list"]).Subcommands.Select(c => c.Name));
        Assert.Equal(["server-classes"], CommandTree.Build(session, ["sc", "list"]).Subcommands.Select(c => c.Name));
        Assert.Equal(CommandTree.TopLevel.Length + 1, CommandTree.Build(session, ["--output", "json", "regions", "list"]).Subcommands.Count);
        Assert.Equal(CommandTree.TopLevel.Length + 1, CommandTree.Build(session, ["completion", "bash"]).Subcommands.Count);
    }
}
