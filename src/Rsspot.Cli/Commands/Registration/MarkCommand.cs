using System.CommandLine;
using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Workflows;

namespace Rsspot.Cli.Commands.Registration;

/// <summary><c>registration mark KEY STATUS [--reason] [--error] [--token-id] [--token-expires-at] [--payload-json] [--expected-version] [--postgres]</c>.</summary>
internal static class MarkCommand
{
    /// <param name="Key">The registration key.</param>
    /// <param name="To">The status to move to.</param>
    /// <param name="Details">Reason, error, token and payload kept with the move.</param>
    /// <param name="Postgres">The PostgreSQL ledger's connection string, or null for state.db (or the environment's).</param>
    internal sealed record Options(string Key, RegistrationStatus To, TransitionDetails Details, string? Postgres);

    public static Command Create(CliSession session)
    {
        var key = Cmd.NameArgument("key", "Registration key (vmreg-...)");
        var status = Cmd.NameArgument("status", "Target status: token_issued, submitted, registered, failed, skipped, discovered (retry)");
        status.CompletionSources.Add(LedgerAccess.Statuses);
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the history)" };
        var error = new Option<string?>("--error") { Description = "The error (required for failed)" };
        var tokenId = new Option<string?>("--token-id") { Description = "Id of the issued token (never the token itself)" };
        var tokenExpires = new Option<DateTimeOffset?>("--token-expires-at") { Description = "Expiry of the issued token (ISO 8601)" };
        var payload = new Option<string?>("--payload-json") { Description = "JSON payload to keep with the record" };
        var expected = new Option<long?>("--expected-version") { Description = "Only if the record is still at this version (compare-and-set)" };
        var postgres = LedgerAccess.Postgres();
        return Cmd.New("mark", "Move a record to another status (illegal moves are refused; repeating a move is a no-op)", key, status, reason, error, tokenId, tokenExpires, payload, expected, postgres)
            .Runs(session, (p, ct) =>
            {
                var to = LedgerAccess.ParseStatus(p.GetValue(status), "<status>");
                if (to == RegistrationStatus.Failed && string.IsNullOrWhiteSpace(p.GetValue(error)))
                {
                    throw new CliUsageException("--error: moving to failed needs the error text.");
                }

                var details = new TransitionDetails
                {
                    Reason = p.GetValue(reason),
                    Error = p.GetValue(error),
                    TokenId = p.GetValue(tokenId),
                    TokenExpiresAt = p.GetValue(tokenExpires),
                    PayloadJson = p.GetValue(payload),
                    ExpectedVersion = p.GetValue(expected),
                };
                return RunAsync(new Options(p.GetValue(key)!, to, details, p.GetValue(postgres)), session, ct);
            });
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var record = await LedgerAccess.WithWorkflowAsync(session, options.Postgres, workflow => workflow.TransitionAsync(options.Key, options.To, options.Details, ct), ct).ConfigureAwait(false);
        var json = RegistrationJson.Record(record, history: false);
        session.Output.Write(json, () => TableView.Pairs([("key", record.Key), ("status", record.Status.ToText()), ("version", record.Version.ToString(CultureInfo.InvariantCulture))]));
    }
}
