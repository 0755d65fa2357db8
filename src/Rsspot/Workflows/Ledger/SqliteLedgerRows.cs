using System.Text.Json;
using Microsoft.Data.Sqlite;
using Rsspot.State;

namespace Rsspot.Workflows.Ledger;

/// <summary>
/// Row access to the <c>registration_ledger</c> table of state.db, inside a caller's transaction. The table is the
/// Python rsspot's (<c>registration_key</c>, <c>payload_json</c>, times as REAL epoch seconds) with this tool's
/// columns beside it; a row the Python wrote has no creation time (its update time stands in) and version 0.
/// </summary>
internal static class SqliteLedgerRows
{
    /// <summary>The columns in <see cref="LedgerRow.Columns"/> order, under this table's names.</summary>
    public const string Columns =
        "registration_key, vm_uid, org_id, vmcloudspace, vmpool, vm_name, omni_cluster, token_id, token_expires_at, status, last_error, payload_json, updated_at, version, lease_owner, lease_expires_at, COALESCE(created_at, updated_at), COALESCE(history, '[]')";

    /// <summary>The order rows are claimed and listed in: oldest first.</summary>
    public const string Oldest = "COALESCE(created_at, updated_at), registration_key";

    private const string Written =
        "registration_key, vm_uid, org_id, vmcloudspace, vmpool, vm_name, omni_cluster, token_id, token_expires_at, status, last_error, payload_json, updated_at, version, lease_owner, lease_expires_at, created_at, history";

    public static RegistrationRecord? Get(SqliteConnection c, SqliteTransaction? t, string key)
    {
        return Query(c, t, "WHERE registration_key = $key", ("$key", key)).FirstOrDefault();
    }

    public static List<RegistrationRecord> Query(SqliteConnection c, SqliteTransaction? t, string where, params (string, object?)[] parameters)
    {
        using SqliteCommand command = Sql.Command(c, t, $"SELECT {Columns} FROM registration_ledger {where}", parameters);
        using SqliteDataReader reader = command.ExecuteReader();
        var records = new List<RegistrationRecord>();
        while (reader.Read())
        {
            try
            {
                records.Add(LedgerRow.Read(reader, EpochTime));
            }
            catch (Exception ex) when (ex is FormatException or JsonException)
            {
                // Another writer (an older or newer tool, a hand edit) left a status or history this build cannot read;
                // the file's text is not repeated (it may hold anything).
                throw new StateStoreException(
                    $"State database '{c.DataSource}' has a registration_ledger row whose status or history this rsspot cannot read (statuses: discovered, token_issued, submitted, registered, failed, skipped). Fix: correct or delete that row, or upgrade rsspot.",
                    ex);
            }
        }

        return records;
    }

    /// <summary>Inserts <paramref name="r"/> unless a row has its key; <see langword="false"/> when one had.</summary>
    public static bool Insert(SqliteConnection c, SqliteTransaction t, RegistrationRecord r)
    {
        return Sql.Execute(
            c,
            t,
            $"INSERT OR IGNORE INTO registration_ledger ({Written}) VALUES ($key, $vm_uid, $org_id, $vmcloudspace, $vmpool, $vm_name, $omni_cluster, $token_id, $token_expires_at, $status, $last_error, $payload, $updated_at, $version, $lease_owner, $lease_expires_at, $created_at, $history)",
            Parameters(r)) == 1;
    }

    /// <summary>Writes <paramref name="r"/> over the row if the row is still at <paramref name="expectedVersion"/>.</summary>
    public static bool CompareAndSet(SqliteConnection c, SqliteTransaction t, RegistrationRecord r, long expectedVersion)
    {
        (string, object?)[] parameters = [.. Parameters(r), ("$expected", expectedVersion)];
        return Sql.Execute(
            c,
            t,
            """
            UPDATE registration_ledger SET vm_uid = $vm_uid, org_id = $org_id, vmcloudspace = $vmcloudspace, vmpool = $vmpool,
                vm_name = $vm_name, omni_cluster = $omni_cluster, token_id = $token_id, token_expires_at = $token_expires_at,
                status = $status, last_error = $last_error, payload_json = $payload, updated_at = $updated_at, version = $version,
                lease_owner = $lease_owner, lease_expires_at = $lease_expires_at, created_at = $created_at, history = $history
            WHERE registration_key = $key AND version = $expected
            """,
            parameters) == 1;
    }

    /// <summary>A time as this table keeps it: epoch seconds.</summary>
    public static double Time(DateTimeOffset value) => StateTime.ToEpoch(value);

    private static (string, object?)[] Parameters(RegistrationRecord r)
    {
        return
        [
            ("$key", r.Key), ("$vm_uid", r.VmUid), ("$org_id", r.OrgId), ("$vmcloudspace", r.VmCloudspace), ("$vmpool", r.VmPool),
            ("$vm_name", r.VmName), ("$omni_cluster", r.OmniCluster), ("$token_id", r.TokenId),
            ("$token_expires_at", r.TokenExpiresAt is { } te ? Time(te) : null), ("$status", r.Status.ToText()),
            ("$last_error", r.LastError), ("$payload", r.Payload), ("$updated_at", Time(r.UpdatedAt)), ("$version", r.Version),
            ("$lease_owner", r.LeaseOwner), ("$lease_expires_at", r.LeaseExpiresAt is { } le ? Time(le) : null),
            ("$created_at", Time(r.CreatedAt)), ("$history", JsonSerializer.Serialize(r.History, StateJsonContext.Default.IReadOnlyListRegistrationTransition)),
        ];
    }

    private static DateTimeOffset EpochTime(System.Data.Common.DbDataReader reader, int ordinal) => StateTime.FromEpoch(reader.GetDouble(ordinal));
}
