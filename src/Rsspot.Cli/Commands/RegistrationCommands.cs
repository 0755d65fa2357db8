using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Postgres;
using Rsspot.Services;
using Rsspot.Workflows;

namespace Rsspot.Cli.Commands;

/// <summary><c>registration candidates|list|show|mark|reconcile</c> over the ledger in state.db, or in PostgreSQL with <c>--postgres</c>.</summary>
internal static class RegistrationCommands
{
    public static Command Create(CliSession s) => Cmd.Group(
        "registration",
        "VM registration ledger for external orchestrators (Sidero Omni or similar), kept in state.db",
        Candidates(s),
        List(s),
        Show(s),
        Mark(s),
        Reconcile(s));

    private static Option<string?> OmniCluster() => new("--omni-cluster") { Description = "External cluster the VMs join (part of the registration key)" };

    private const string PostgresVariable = "RSSPOT_LEDGER_POSTGRES";

    private static Option<string?> Postgres() => new("--postgres")
    {
        Description = $"Use the shared ledger in PostgreSQL (an Npgsql connection string) instead of state.db; default: env {PostgresVariable}",
    };

    /// <summary>Runs <paramref name="action"/> on the workflow over the ledger the command names: PostgreSQL, or state.db.</summary>
    private static async Task<T> WithWorkflowAsync<T>(CliSession s, string? postgres, Func<RegistrationWorkflow, Task<T>> action, CancellationToken ct)
    {
        var connectionString = postgres ?? (s.Environment.Get(PostgresVariable) is { Length: > 0 } fromEnv ? fromEnv : null);
        if (connectionString is not null)
        {
            await using var ledger = await PostgresRegistrationLedger.OpenAsync(connectionString, cancellationToken: ct).ConfigureAwait(false);
            return await action(new RegistrationWorkflow(ledger)).ConfigureAwait(false);
        }

        using var store = s.OpenState();
        return await action(new RegistrationWorkflow(store)).ConfigureAwait(false);
    }

    private static async Task<(string OrgId, List<VmCloudspaceSnapshot> Snapshots)> SnapshotAsync(CliSession s, CancellationToken ct)
    {
        var org = await s.Client.GetOrganizationAsync(ct).ConfigureAwait(false);
        var cloudspaces = await s.Client.Inventory.ListVmCloudspacesAsync(ct).ConfigureAwait(false);
        var snapshots = cloudspaces.Select(cs => new VmCloudspaceSnapshot(
            cs.Metadata?.Name ?? string.Empty,
            [.. InventoryService.AssignedVms(cs).Select(vm => new Workflows.AssignedVm(vm.Key, vm.ServerName, vm.DisplayName, vm.NodePoolName))])).ToList();
        return (org.Id, snapshots);
    }

    private static Command Candidates(CliSession s)
    {
        var omni = OmniCluster();
        return Cmd.New("candidates", "VMs that could be registered (one per assigned server), with their ledger status", omni).Runs(s, async (p, ct) =>
        {
            var (orgId, snapshots) = await SnapshotAsync(s, ct).ConfigureAwait(false);
            var candidates = RegistrationWorkflow.ListCandidates(orgId, snapshots, p.GetValue(omni));
            using var store = s.OpenState();
            var workflow = new RegistrationWorkflow(store);
            var rows = candidates.Select(c => (Candidate: c, Status: workflow.Get(c.Key)?.Status.ToText())).ToList();
            var json = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject
            {
                ["key"] = r.Candidate.Key,
                ["vm_uid"] = r.Candidate.VmUid,
                ["vm_name"] = r.Candidate.VmName,
                ["org_id"] = r.Candidate.OrgId,
                ["vmcloudspace"] = r.Candidate.VmCloudspace,
                ["vmpool"] = r.Candidate.VmPool,
                ["omni_cluster"] = r.Candidate.OmniCluster,
                ["ledger_status"] = r.Status,
            })]);
            s.Output.Write(json, () =>
            {
                var table = new TableView("KEY", "VMCLOUDSPACE", "POOL", "VM", "UID", "LEDGER");
                foreach (var (c, status) in rows)
                {
                    table.Add(c.Key, c.VmCloudspace, c.VmPool, c.VmName, c.VmUid, status ?? "(new)");
                }

                return table;
            });
        });
    }

    private static JsonObject RecordJson(RegistrationRecord r, bool history) => new()
    {
        ["key"] = r.Key,
        ["status"] = r.Status.ToText(),
        ["version"] = r.Version,
        ["vm_uid"] = r.VmUid,
        ["vm_name"] = r.VmName,
        ["org_id"] = r.OrgId,
        ["vmcloudspace"] = r.VmCloudspace,
        ["vmpool"] = r.VmPool,
        ["omni_cluster"] = r.OmniCluster,
        ["token_id"] = r.TokenId,
        ["token_expires_at"] = Time(r.TokenExpiresAt),
        ["last_error"] = r.LastError,
        ["payload"] = r.Payload is null ? null : JsonNode.Parse(r.Payload),
        ["lease_owner"] = r.LeaseOwner,
        ["lease_expires_at"] = Time(r.LeaseExpiresAt),
        ["created_at"] = Time(r.CreatedAt),
        ["updated_at"] = Time(r.UpdatedAt),
        ["history"] = history
            ? new JsonArray([.. r.History.Select(h => (JsonNode)new JsonObject { ["from"] = h.From?.ToText(), ["to"] = h.To.ToText(), ["at"] = Time(h.At), ["reason"] = h.Reason, ["error"] = h.Error, ["owner"] = h.Owner })])
            : null,
    };

    private static string? Time(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture);

    private static Command List(CliSession s)
    {
        var status = Cmd.Repeatable("--status", "Only these statuses: discovered, token_issued, submitted, registered, failed, skipped (repeatable)", "status");
        status.CompletionSources.Add("discovered", "token_issued", "submitted", "registered", "failed", "skipped");
        var vmCloudspace = new Option<string?>("--vmcloudspace") { Description = "Only this VM cloudspace" };
        var postgres = Postgres();
        return Cmd.New("list", "Ledger records", status, vmCloudspace, postgres).Runs(s, async (p, ct) =>
        {
            var statuses = (p.GetValue(status) ?? []).Select(ParseStatus).ToArray();
            var records = await WithWorkflowAsync(s, p.GetValue(postgres), workflow => workflow.Ledger.ListAsync(statuses, p.GetValue(vmCloudspace), ct), ct).ConfigureAwait(false);

            var list = records.OrderBy(r => r.VmCloudspace, StringComparer.Ordinal).ThenBy(r => r.VmName, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
            s.Output.Write(new JsonArray([.. list.Select(r => (JsonNode)RecordJson(r, history: false))]), () =>
            {
                var table = new TableView("KEY", "STATUS", "VMCLOUDSPACE", "POOL", "VM", "LAST ERROR");
                foreach (var r in list)
                {
                    table.Add(r.Key, r.Status.ToText(), r.VmCloudspace, r.VmPool, r.VmName, r.LastError);
                }

                return table;
            });
        });
    }

    private static RegistrationStatus ParseStatus(string text) =>
        RegistrationStatusText.TryParse(text, out var status)
            ? status
            : throw new CliUsageException($"--status: '{text}' is not a status; use discovered, token_issued, submitted, registered, failed or skipped.");

    private static Command Show(CliSession s)
    {
        var key = Cmd.NameArgument("key", "Registration key (vmreg-...)");
        var postgres = Postgres();
        return Cmd.New("show", "One ledger record with its transition history", key, postgres).Runs(s, async (p, ct) =>
        {
            var record = await WithWorkflowAsync(s, p.GetValue(postgres), workflow => workflow.GetAsync(p.GetValue(key)!, ct), ct).ConfigureAwait(false)
                ?? throw new RegistrationNotFoundException(p.GetValue(key)!);
            var json = RecordJson(record, history: true);
            s.Output.Write(json, () => TableView.Pairs(json.Where(kv => kv.Key != "history").Select(kv => (kv.Key, CellText(kv.Value)))
                .Concat(record.History.Select((h, i) => ($"history[{i}]", (string?)$"{h.From?.ToText() ?? "-"} -> {h.To.ToText()} {h.Reason ?? h.Error}".TrimEnd())))));
        });
    }

    // A JSON payload is shown as compact JSON; scalars as text.
    private static string? CellText(JsonNode? value) => value is JsonObject or JsonArray
        ? value.ToJsonString()
        : JsonModels.Text(new JsonObject { ["v"] = value?.DeepClone() }, "v");

    private static Command Mark(CliSession s)
    {
        var key = Cmd.NameArgument("key", "Registration key (vmreg-...)");
        var status = Cmd.NameArgument("status", "Target status: token_issued, submitted, registered, failed, skipped, discovered (retry)");
        status.CompletionSources.Add("discovered", "token_issued", "submitted", "registered", "failed", "skipped");
        var reason = new Option<string?>("--reason") { Description = "Why (kept in the history)" };
        var error = new Option<string?>("--error") { Description = "The error (required for failed)" };
        var tokenId = new Option<string?>("--token-id") { Description = "Id of the issued token (never the token itself)" };
        var tokenExpires = new Option<DateTimeOffset?>("--token-expires-at") { Description = "Expiry of the issued token (ISO 8601)" };
        var payload = new Option<string?>("--payload-json") { Description = "JSON payload to keep with the record" };
        var expected = new Option<long?>("--expected-version") { Description = "Only if the record is still at this version (compare-and-set)" };
        var postgres = Postgres();
        return Cmd.New("mark", "Move a record to another status (illegal moves are refused; repeating a move is a no-op)", key, status, reason, error, tokenId, tokenExpires, payload, expected, postgres).Runs(s, async (p, ct) =>
        {
            var to = RegistrationStatusText.TryParse(p.GetValue(status), out var parsed)
                ? parsed
                : throw new CliUsageException($"<status>: '{p.GetValue(status)}' is not a status; use discovered, token_issued, submitted, registered, failed or skipped.");
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
            var record = await WithWorkflowAsync(s, p.GetValue(postgres), workflow => workflow.TransitionAsync(p.GetValue(key)!, to, details, ct), ct).ConfigureAwait(false);
            var json = RecordJson(record, history: false);
            s.Output.Write(json, () => TableView.Pairs([("key", record.Key), ("status", record.Status.ToText()), ("version", record.Version.ToString(CultureInfo.InvariantCulture))]));
        });
    }

    private static Command Reconcile(CliSession s)
    {
        var omni = OmniCluster();
        var postgres = Postgres();
        return Cmd.New("reconcile", "Compare the ledger with the current VMs: record new ones, mark vanished ones", omni, postgres).Runs(s, async (p, ct) =>
        {
            var (orgId, snapshots) = await SnapshotAsync(s, ct).ConfigureAwait(false);
            var result = await WithWorkflowAsync(s, p.GetValue(postgres), workflow => workflow.ReconcileAsync(orgId, snapshots, p.GetValue(omni), ct), ct).ConfigureAwait(false);
            static JsonArray Keys(IEnumerable<RegistrationRecord> records) => new([.. records.Select(r => (JsonNode)r.Key)]);
            var json = new JsonObject
            {
                ["added"] = Keys(result.Added),
                ["reappeared"] = Keys(result.Reappeared),
                ["vanished"] = Keys(result.Vanished),
                ["vanished_registered"] = Keys(result.VanishedRegistered),
                ["unchanged"] = result.Unchanged,
            };
            s.Output.Write(json, () => TableView.Pairs(
            [
                ("added", result.Added.Count.ToString(CultureInfo.InvariantCulture)),
                ("reappeared", result.Reappeared.Count.ToString(CultureInfo.InvariantCulture)),
                ("vanished", result.Vanished.Count.ToString(CultureInfo.InvariantCulture)),
                ("vanished_registered", result.VanishedRegistered.Count.ToString(CultureInfo.InvariantCulture)),
                ("unchanged", result.Unchanged.ToString(CultureInfo.InvariantCulture)),
            ]));
        });
    }
}
