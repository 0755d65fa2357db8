using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands;

/// <summary>The whole <c>rsspot</c> command tree.</summary>
internal static class CommandTree
{
    public const string Description = """
        rsspot: Rackspace Spot from the command line (cloudspaces, node pools, prices, VM registration).

        Output is a table by default (colour only when stdout is a terminal and NO_COLOR is unset);
        use -o json or -o yaml in scripts. Exit codes: 0 ok, 1 other, 2 usage, 3 config, 4 auth, 5 API, 6 network.

        Examples:
          rsspot emulator start                       # a local Spot API to try everything without an account
          rsspot configure --org my-org --refresh-token <token>
          rsspot regions list
          rsspot server-classes list --region us-central-dfw-1 --category gp
          rsspot cloudspaces create demo --region us-central-dfw-1 --spot-nodepool desired=2,serverclass=gp.vs1.medium-dfw,bidprice=0.08 --wait
          rsspot cloudspaces get-config demo --file ~/.kube/demo.yaml
          rsspot pricing build --nodes 3 --risk low -o json
        """;

    /// <summary>The top-level commands by name (completion is separate: it needs the whole tree).</summary>
    internal static readonly (string Name, Func<CliSession, Command> Create)[] TopLevel =
    [
        ("configure", ConfigureCommand.Create),
        ("profiles", ProfilesCommands.Create),
        ("config", ConfigCommands.Create),
        ("organizations", OrganizationsCommands.Create),
        ("regions", RegionsCommands.Create),
        ("server-classes", ServerClassesCommands.Create),
        ("cloudspaces", CloudspacesCommands.Create),
        ("nodepools", NodePoolsCommands.Create),
        ("inventory", InventoryCommands.Create),
        ("raw", RawCommand.Create),
        ("pricing", PricingCommands.Create),
        ("registration", RegistrationCommands.Create),
        ("emulator", EmulatorCommand.Create),
        ("mcp", Mcp.McpCommand.Create),
    ];

    /// <summary>The whole tree.</summary>
    public static RootCommand Build(CliSession session) => Build(session, []);

    /// <summary>
    /// The tree for <paramref name="args"/>: when the first word names a top-level command only that command is
    /// built, since the parse cannot reach the others and building their options is start-up time. Anything
    /// else (root help, a global option first, completion) gets the whole tree.
    /// </summary>
    public static RootCommand Build(CliSession session, IReadOnlyList<string> args)
    {
        var root = new RootCommand(Description);
        session.Globals.AddTo(root);
        var only = args.Count > 0 ? Array.FindIndex(TopLevel, c => string.Equals(c.Name, args[0], StringComparison.Ordinal)) : -1;
        if (only >= 0)
        {
            root.Subcommands.Add(TopLevel[only].Create(session));
            return root;
        }

        foreach (var (_, create) in TopLevel)
        {
            root.Subcommands.Add(create(session));
        }

        root.Subcommands.Add(CompletionCommand.Create(session, root));
        return root;
    }
}
