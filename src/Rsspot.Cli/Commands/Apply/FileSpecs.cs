using System.CommandLine;
using Rsspot.Apply;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Apply;

/// <summary>What <c>apply</c>, <c>diff</c> and <c>delete -f</c> share: the file flag, reading it, and printing a plan.</summary>
internal static class FileSpecs
{
    public static Option<string> FileOption() => new("--file", "-f")
    {
        Description = "YAML/JSON file of cloudspace specs, one per document (keys: rsspot cloudspaces spec-schema)",
        HelpName = "file.yaml",
        Required = true,
    };

    public static Option<bool> PruneOption() => new("--prune") { Description = "Also delete keyed pools that the file no longer lists (pools without a key are never touched)" };

    public static Option<string?> MaxBidOption() => new("--max-bid") { Description = "Allow bids up to this USD per node-hour (replaces the default ceiling, each class's on-demand price, and the profile's max_bid)", HelpName = "usd" };

    public static IReadOnlyList<CloudspaceSpec> Load(CliSession s, ParseResult p, Option<string> file) =>
        ClusterSpecFile.Load(p.GetValue(file)!, p.TypedName(file), s.Region ?? s.Client.Profile.Region);

    /// <summary>The plan as text on a terminal or in table output, as JSON/YAML otherwise.</summary>
    public static void Print(CliSession s, ApplyPlan plan)
    {
        if (s.Output.IsTable)
        {
            s.Output.Raw(TerminalText.CleanLines(plan.ToString()) + "\n");
            return;
        }

        s.Output.Write(PlanJson.Of(plan), () => new TableView());
    }

    /// <summary>Applies, telling stderr of each change as it is done; a refused bid names --max-bid.</summary>
    public static async Task<ApplyResult> ApplyAsync(CliSession s, ApplyPlan plan, CancellationToken ct)
    {
        var progress = new InlineProgress<ApplyChange>(change => s.Err.WriteLine(TerminalText.CleanLines("done: " + change.Headline())));
        if (s.Interrupts is { } interrupts)
        {
            // The changes done so far are listed above ("done: ..."); the file is still the truth to converge on.
            interrupts.LeftBehind = "the changes listed as done were applied, the others not; 'rsspot diff -f FILE' shows what is left and 'rsspot apply -f FILE' finishes it";
        }

        try
        {
            return await s.Client.Apply.ApplyAsync(plan, progress, ct).ConfigureAwait(false);
        }
        catch (BidCeilingException refusal)
        {
            throw GuardFlags.CeilingRefusal(refusal);
        }
        finally
        {
            if (s.Interrupts is { } done)
            {
                done.LeftBehind = null;
            }
        }
    }
}
