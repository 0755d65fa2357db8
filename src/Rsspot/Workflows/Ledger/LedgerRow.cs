using System.Data.Common;
using System.Text.Json;
using Rsspot.State;

namespace Rsspot.Workflows.Ledger;

/// <summary>
/// The <c>registration_ledger</c> columns in the order every store selects them, and one selected row read back as
/// a record. Stores differ only in how they keep times, which the caller's <c>time</c> reader converts.
/// </summary>
internal static class LedgerRow
{
    public const string Columns =
        "key, vm_uid, org_id, vmcloudspace, vmpool, vm_name, omni_cluster, token_id, token_expires_at, status, last_error, payload, updated_at, version, lease_owner, lease_expires_at, created_at, history";

    public static RegistrationRecord Read(DbDataReader reader, Func<DbDataReader, int, DateTimeOffset> time)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : time(reader, i);
        var updatedAt = time(reader, 12);
        return new RegistrationRecord
        {
            Key = reader.GetString(0),
            VmUid = reader.GetString(1),
            OrgId = Text(2),
            VmCloudspace = Text(3),
            VmPool = Text(4),
            VmName = Text(5),
            OmniCluster = Text(6),
            TokenId = Text(7),
            TokenExpiresAt = Time(8),
            Status = RegistrationStatusText.Parse(reader.GetString(9)),
            LastError = Text(10),
            Payload = Text(11),
            UpdatedAt = updatedAt,
            Version = reader.GetInt64(13),
            LeaseOwner = Text(14),
            LeaseExpiresAt = Time(15),
            CreatedAt = Time(16) ?? updatedAt,
            History = JsonSerializer.Deserialize(Text(17) ?? "[]", StateJsonContext.Default.ListRegistrationTransition) ?? [],
        };
    }
}
