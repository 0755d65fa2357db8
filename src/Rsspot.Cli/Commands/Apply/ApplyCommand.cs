using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Apply;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Apply;

/// <summary><c>rsspot apply -f FILE</c>: makes cloudspaces and their pools match a file.</summary>
internal static class ApplyCommand
{
    public static Command Create(CliSession s)
    {
        var file = FileSpecs.FileOption();
        var prune = FileSpecs.PruneOption();
        var maxBid = FileSpecs.MaxBidOption();
        var replace = new Option<bool>("--replace") { Description = "Allow a change of a fixed field (region, server class, deployment type) by deleting and creating again (its nodes go away)" };
        var wait = new Option<bool>("--wait") { Description = "Wait until every cloudspace of the file is Ready, showing each phase" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for Ready (default 1800)", DefaultValueFactory = _ => 1800 };
        var yes = Cmd.Yes();
        var command = Cmd.New(
            "apply",
            """
            Make cloudspaces and their node pools match a file: print the plan (as 'rsspot diff' does), ask, then create
            what is missing and send merge patches of only the changed fields. Pools are matched by their 'key'. Applying
            the same file again sends no write. 'bidPrice: guard' hands a spot pool's bid to the bid guard.
            Stdin not a terminal (scripts, CI): pass --yes.

            Examples:
              rsspot apply -f clusters.yaml
              rsspot apply -f clusters.yaml --yes --wait
              rsspot apply -f clusters.yaml --prune --yes      # also delete keyed pools the file no longer lists
            """,
            file,
            prune,
            replace,
            maxBid,
            wait,
            timeout,
            yes);
        return command.Runs(s, async (p, ct) =>
        {
            var specs = FileSpecs.Load(s, p, file);
            var options = new ApplyOptions
            {
                Prune = p.GetValue(prune),
                Replace = p.GetValue(replace),
                MaxBid = GuardFlags.Usd(p.TypedName(maxBid), p.GetValue(maxBid)),
            };
            if (p.GetValue(timeout) < 1)
            {
                throw new CliUsageException($"--timeout: {p.GetValue(timeout)} is invalid; give seconds, 1 or more.");
            }

            var plan = await s.Client.Apply.PlanAsync(specs, options, ct).ConfigureAwait(false);
            if (s.Output.IsTable)
            {
                FileSpecs.Print(s, plan);
            }

            if (plan.Replacements is { Count: > 0 } replacements)
            {
                if (!options.Replace)
                {
                    throw new CliUsageException($"{TerminalText.CleanLines(replacements[0].Headline())}. Pass --replace to delete it and create it again (its nodes and workloads go away); nothing was changed.");
                }

                foreach (var change in replacements)
                {
                    s.Err.WriteLine(TerminalText.CleanLines($"Replacing {(change.Target == ApplyTarget.Cloudspace ? "cloudspace " + change.Cloudspace : $"pool {change.Cloudspace}/{change.Key}")}: it is deleted and created again, and its nodes go away."));
                }
            }

            var applied = new List<ApplyChange>();
            if (plan.HasChanges)
            {
                s.Confirm($"Apply {plan.Changes.Count} change(s) to {string.Join(", ", plan.Cloudspaces)}", p.GetValue(yes));
                applied.AddRange((await FileSpecs.ApplyAsync(s, plan, ct).ConfigureAwait(false)).Applied);
            }

            if (p.GetValue(wait))
            {
                foreach (var name in plan.Cloudspaces)
                {
                    var started = DateTimeOffset.UtcNow;
                    var phases = new InlineProgress<string>(phase => s.Err.WriteLine($"cloudspace {name}: {Security.ServerText.Clean(phase)} ({(DateTimeOffset.UtcNow - started).TotalSeconds:0} s)"));
                    await s.Client.Cloudspaces.WaitUntilReadyAsync(name, TimeSpan.FromSeconds(p.GetValue(timeout)), phases, ct).ConfigureAwait(false);
                }
            }

            if (s.Output.IsTable)
            {
                s.Output.Raw(plan.HasChanges ? $"Applied {applied.Count} change(s).\n" : string.Empty);
                return;
            }

            JsonObject json = PlanJson.Of(plan, applied);
            s.Output.Write(json, () => new TableView());
        });
    }
}
