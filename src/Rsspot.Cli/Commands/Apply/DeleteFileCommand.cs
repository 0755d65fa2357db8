using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Apply;

/// <summary><c>rsspot delete -f FILE</c>: deletes the cloudspaces a file names, with their pools.</summary>
internal static class DeleteFileCommand
{
    public static Command Create(CliSession s)
    {
        var file = FileSpecs.FileOption();
        var yes = Cmd.Yes();
        var command = Cmd.New(
            "delete",
            """
            Delete the cloudspaces a clusters-as-code file names, and all their node pools (those that do not exist are
            skipped). Asks first; pass --yes when stdin is not a terminal.

            Example:
              rsspot delete -f clusters.yaml --yes
            """,
            file,
            yes);
        return command.Runs(s, async (p, ct) =>
        {
            var specs = FileSpecs.Load(s, p, file);
            var plan = await s.Client.Apply.PlanDeleteAsync(specs, ct).ConfigureAwait(false);
            if (s.Output.IsTable)
            {
                FileSpecs.Print(s, plan);
            }

            if (plan.HasChanges)
            {
                var names = string.Join(", ", plan.Changes.Select(c => c.Cloudspace));
                s.Confirm($"Delete cloudspace(s) {names} and all their node pools", p.GetValue(yes));
                await FileSpecs.ApplyAsync(s, plan, ct).ConfigureAwait(false);
            }

            if (s.Output.IsTable)
            {
                s.Output.Raw(plan.HasChanges ? $"Deleted {plan.Changes.Count} cloudspace(s).\n" : string.Empty);
                return;
            }

            s.Output.Write(PlanJson.Of(plan, plan.Changes), () => new TableView());
        });
    }
}
