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

    public static RootCommand Build(CliSession session)
    {
        var root = new RootCommand(Description);
        session.Globals.AddTo(root);
        foreach (var command in new[]
        {
            ConfigureCommand.Create(session),
            ProfilesCommands.Create(session),
            ConfigCommands.Create(session),
            OrganizationsCommands.Create(session),
            RegionsCommands.Create(session),
            ServerClassesCommands.Create(session),
            CloudspacesCommands.Create(session),
            NodePoolsCommands.Create(session),
            InventoryCommands.Create(session),
            RawCommand.Create(session),
            PricingCommands.Create(session),
            RegistrationCommands.Create(session),
            EmulatorCommand.Create(session),
            CompletionCommand.Create(session, root),
        })
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
