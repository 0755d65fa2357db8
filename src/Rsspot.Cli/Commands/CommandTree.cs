using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands;

/// <summary>The whole <c>rsspot</c> command tree.</summary>
internal static class CommandTree
{
    public const string Description = """
        rsspot: Rackspace Spot from the command line (cloudspaces, node pools, prices, VM registration).

        Output is a table on a terminal (colour unless NO_COLOR is set) and JSON when stdout is a pipe or a file;
        -o json|yaml|table, RSSPOT_OUTPUT or the config's output choose another.
        Exit codes: 0 ok, 1 other (also a declined confirmation), 2 usage, 3 config or state, 4 auth, 5 API (also a malformed
        answer), 6 network, 7 conflict, 8 pricing watch --once: a pool at risk, 9 a pool losing, 130 interrupted (Ctrl-C, SIGTERM).
        JSON and YAML take the Python rsspot's shapes, or spotctl's when the command is spelt as spotctl spells it (sc, np,
        cs, --serverclass, --bidprice, --name on get/delete/get-config, ...); --raw (or RSSPOT_OUTPUT_SHAPE=raw) prints
        this tool's own shapes.

        Examples:
          rsspot emulator start                       # a local Spot API to try everything without an account
          rsspot configure --org my-org --refresh-token <token>
          rsspot regions list
          rsspot server-classes list --region us-central-dfw-1 --category gp
          rsspot cloudspaces create demo --region us-central-dfw-1 --spot-nodepool desired=2,serverclass=gp.vs1.medium-dfw,bidprice=0.08 --wait
          rsspot cloudspaces get-config demo --file ~/.kube/demo.yaml
          rsspot pricing build --nodes 3 --risk low -o json
        """;

    /// <summary>
    /// The top-level commands by name, with the aliases of spotctl and the Python rsspot (completion is separate:
    /// it needs the whole tree).
    /// </summary>
    internal static readonly (string Name, string[] Aliases, Func<CliSession, Command> Create)[] TopLevel =
    [
        ("configure", [], Configure.ConfigureCommand.Create),
        ("profiles", [], Profiles.ProfilesCommand.Create),
        ("config", [], Config.ConfigCommand.Create),
        ("organizations", ["org", "organization"], Organizations.OrganizationsCommand.Create),
        ("regions", [], Regions.RegionsCommand.Create),
        ("server-classes", ["serverclasses", "sc", "serverclass"], ServerClasses.ServerClassesCommand.Create),
        ("cloudspaces", ["cs", "cloudspace"], Cloudspaces.CloudspacesCommand.Create),
        ("nodepools", ["np", "nodepool"], NodePools.NodePoolsCommand.Create),
        ("inventory", [], Inventory.InventoryCommand.Create),
        ("vm-ssh-keys", ["vmsshkeys", "vmsshkey", "vmsk"], VmSshKeys.VmSshKeysCommand.Create),
        ("vm-cloudspaces", ["vmcloudspaces", "vmcloudspace", "vmcs"], VmCloudspaces.VmCloudspacesCommand.Create),
        ("vm-pools", ["vmpools", "vmpool", "vmp"], VmPools.VmPoolsCommand.Create),
        ("raw", [], Raw.RawCommand.Create),
        ("pricing", [], Pricing.PricingCommand.Create),
        ("registration", [], Registration.RegistrationCommand.Create),
        ("emulator", [], Emulator.EmulatorCommand.Create),
        ("mcp", [], Mcp.McpCommand.Create),
        ("apply", [], Apply.ApplyCommand.Create),
        ("diff", [], Apply.DiffCommand.Create),
        ("delete", [], Apply.DeleteFileCommand.Create),
        ("run", [], Run.RunCommand.Create),
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
        var only = args.Count > 0 ? Array.FindIndex(TopLevel, c => string.Equals(c.Name, args[0], StringComparison.Ordinal) || c.Aliases.Contains(args[0], StringComparer.Ordinal)) : -1;
        if (only >= 0)
        {
            root.Subcommands.Add(Create(TopLevel[only], session));
            return root;
        }

        foreach (var entry in TopLevel)
        {
            root.Subcommands.Add(Create(entry, session));
        }

        root.Subcommands.Add(Completion.CompletionCommand.Create(session, root));
        return root;
    }

    private static Command Create((string Name, string[] Aliases, Func<CliSession, Command> Create) entry, CliSession session)
    {
        var command = entry.Create(session);
        foreach (var alias in entry.Aliases)
        {
            command.Aliases.Add(alias);
        }

        return command;
    }
}
