using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;

namespace Rsspot.Cli.Commands.Inventory;

/// <summary><c>inventory events [--limit]</c>: recent organization events.</summary>
internal static class EventsCommand
{
    /// <param name="Limit">How many events (1 or more).</param>
    internal sealed record Options(int Limit);

    public static Command Create(CliSession session)
    {
        var limit = new Option<int>("--limit", "-n") { Description = "How many events", DefaultValueFactory = _ => 50 };
        return Cmd.New("events", "Recent organization events", limit).Runs(session, (p, ct) =>
        {
            var options = new Options(p.GetValue(limit));
            return options.Limit < 1
                ? throw new CliUsageException($"--limit: {options.Limit} is invalid; give 1 or more.")
                : RunAsync(options, session, ct);
        });
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        if (session.Output.PrintsPythonShape(hasSpotctlShape: false))
        {
            var query = new Dictionary<string, string>(StringComparer.Ordinal) { ["limits"] = options.Limit.ToString(CultureInfo.InvariantCulture) };
            var answer = await session.Client.Raw.SendAsync("GET", "/apis/metrics.ngpc.rxt.io/v1/events/organizations", query, cancellationToken: ct).ConfigureAwait(false);
            session.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.Events, answer)), () => new TableView());
            return;
        }

        var items = await session.Client.Inventory.ListEventsAsync(options.Limit, ct).ConfigureAwait(false);
        var json = new JsonArray([.. items.Select(e => (JsonNode)new JsonObject { ["timestamp"] = e.Timestamp, ["message"] = e.Message })]);
        session.Output.Write(json, () =>
        {
            var table = new TableView("TIMESTAMP", "MESSAGE");
            foreach (var e in items)
            {
                table.Add(e.Timestamp, e.Message);
            }

            return table;
        });
    }
}
