using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Workflows;

namespace Rsspot.Cli.Output;

/// <summary>The JSON of the <c>registration</c> commands: candidates, ledger records and a reconcile's result.</summary>
internal static class RegistrationJson
{
    /// <summary>A VM that could be registered, with its ledger status (null: not in the ledger).</summary>
    public static JsonObject Candidate(RegistrationCandidate candidate, string? ledgerStatus) => new()
    {
        ["key"] = candidate.Key,
        ["vm_uid"] = candidate.VmUid,
        ["vm_name"] = candidate.VmName,
        ["org_id"] = candidate.OrgId,
        ["vmcloudspace"] = candidate.VmCloudspace,
        ["vmpool"] = candidate.VmPool,
        ["omni_cluster"] = candidate.OmniCluster,
        ["ledger_status"] = ledgerStatus,
    };

    /// <summary>A ledger record; its transition history only when <paramref name="history"/> (else null).</summary>
    public static JsonObject Record(RegistrationRecord r, bool history) => new()
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

    /// <summary>What a reconcile added, brought back and marked vanished (keys), and how many it left alone.</summary>
    public static JsonObject Reconcile(ReconcileResult result) => new()
    {
        ["added"] = Keys(result.Added),
        ["reappeared"] = Keys(result.Reappeared),
        ["vanished"] = Keys(result.Vanished),
        ["vanished_registered"] = Keys(result.VanishedRegistered),
        ["unchanged"] = result.Unchanged,
    };

    private static JsonArray Keys(IEnumerable<RegistrationRecord> records) => new([.. records.Select(r => (JsonNode)r.Key)]);

    private static string? Time(DateTimeOffset? at) => at?.ToString("O", CultureInfo.InvariantCulture);
}
