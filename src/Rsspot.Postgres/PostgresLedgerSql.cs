using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Rsspot.Workflows;

namespace Rsspot.Postgres;

/// <summary>The statements of the ledger in one schema, and the mapping between rows and records.</summary>
internal sealed class PostgresLedgerSql(string schema)
{
    /// <summary>The columns in the order every statement selects and inserts them.</summary>
    public const string Columns =
        "key, vm_uid, org_id, vmcloudspace, vmpool, vm_name, omni_cluster, token_id, token_expires_at, status, last_error, payload, updated_at, version, lease_owner, lease_expires_at, created_at, history";

    public string Schema { get; } = schema;

    public string Select(string where) => $"SELECT {Columns} FROM {Schema}.registration_ledger {where}";

    public string Insert => $"""
        INSERT INTO {Schema}.registration_ledger ({Columns})
        VALUES (@key, @vm_uid, @org_id, @vmcloudspace, @vmpool, @vm_name, @omni_cluster, @token_id, @token_expires_at, @status, @last_error, @payload, @updated_at, @version, @lease_owner, @lease_expires_at, @created_at, @history)
        ON CONFLICT (key) DO NOTHING
        """;

    public string CompareAndSet => $"""
        UPDATE {Schema}.registration_ledger SET vm_uid = @vm_uid, org_id = @org_id, vmcloudspace = @vmcloudspace, vmpool = @vmpool,
            vm_name = @vm_name, omni_cluster = @omni_cluster, token_id = @token_id, token_expires_at = @token_expires_at,
            status = @status, last_error = @last_error, payload = @payload, updated_at = @updated_at, version = @version,
            lease_owner = @lease_owner, lease_expires_at = @lease_expires_at, created_at = @created_at, history = @history
        WHERE key = @key AND version = @expected
        """;

    public static void AddRecord(NpgsqlCommand command, RegistrationRecord r)
    {
        NpgsqlParameterCollection p = command.Parameters;
        p.AddWithValue("key", r.Key);
        p.AddWithValue("vm_uid", r.VmUid);
        p.AddWithValue("org_id", NpgsqlDbType.Text, (object?)r.OrgId ?? DBNull.Value);
        p.AddWithValue("vmcloudspace", NpgsqlDbType.Text, (object?)r.VmCloudspace ?? DBNull.Value);
        p.AddWithValue("vmpool", NpgsqlDbType.Text, (object?)r.VmPool ?? DBNull.Value);
        p.AddWithValue("vm_name", NpgsqlDbType.Text, (object?)r.VmName ?? DBNull.Value);
        p.AddWithValue("omni_cluster", NpgsqlDbType.Text, (object?)r.OmniCluster ?? DBNull.Value);
        p.AddWithValue("token_id", NpgsqlDbType.Text, (object?)r.TokenId ?? DBNull.Value);
        p.AddWithValue("token_expires_at", NpgsqlDbType.TimestampTz, r.TokenExpiresAt is { } te ? te.ToUniversalTime() : DBNull.Value);
        p.AddWithValue("status", r.Status.ToText());
        p.AddWithValue("last_error", NpgsqlDbType.Text, (object?)r.LastError ?? DBNull.Value);
        p.AddWithValue("payload", NpgsqlDbType.Text, (object?)r.Payload ?? DBNull.Value);
        p.AddWithValue("updated_at", NpgsqlDbType.TimestampTz, r.UpdatedAt.ToUniversalTime());
        p.AddWithValue("version", r.Version);
        p.AddWithValue("lease_owner", NpgsqlDbType.Text, (object?)r.LeaseOwner ?? DBNull.Value);
        p.AddWithValue("lease_expires_at", NpgsqlDbType.TimestampTz, r.LeaseExpiresAt is { } le ? le.ToUniversalTime() : DBNull.Value);
        p.AddWithValue("created_at", NpgsqlDbType.TimestampTz, r.CreatedAt.ToUniversalTime());
        p.AddWithValue("history", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(r.History, PostgresHistoryJson.Default.IReadOnlyListRegistrationTransition));
    }

    public static async Task<List<RegistrationRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await ReadAllAsync(reader, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The records of the reader's current result.</summary>
    public static async Task<List<RegistrationRecord>> ReadAllAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var records = new List<RegistrationRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private static RegistrationRecord Read(NpgsqlDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        DateTimeOffset? Time(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);
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
            UpdatedAt = reader.GetFieldValue<DateTimeOffset>(12),
            Version = reader.GetInt64(13),
            LeaseOwner = Text(14),
            LeaseExpiresAt = Time(15),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(16),
            History = JsonSerializer.Deserialize(Text(17) ?? "[]", PostgresHistoryJson.Default.ListRegistrationTransition) ?? [],
        };
    }
}
