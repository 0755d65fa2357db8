using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>
/// The <c>rsspot_http_cache</c> table: the shared (cross-process) back tier of the response cache. It is apart from
/// the Python rsspot's <c>http_cache</c>, whose keys carry no profile or org: this tool never serves one of the
/// Python's entries, and the Python never reads one of this tool's. Times are stored
/// with millisecond precision.
/// </summary>
public sealed class HttpCacheTable
{
    private readonly StateStore _store;

    internal HttpCacheTable(StateStore store)
    {
        _store = store;
    }

    /// <summary>Looks an entry up; an entry expired at <paramref name="now"/> is deleted and not returned.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="now">The current time.</param>
    /// <param name="entry">The live entry, when found.</param>
    /// <returns><see langword="true"/> when a live entry exists.</returns>
    public bool TryGet(string key, DateTimeOffset now, [NotNullWhen(true)] out HttpCacheEntry? entry)
    {
        ArgumentNullException.ThrowIfNull(key);
        entry = _store.Read(connection =>
        {
            using SqliteCommand command = Sql.Command(
                connection,
                null,
                "SELECT status_code, content_type, body, stored_at, expires_at FROM rsspot_http_cache WHERE key = $key",
                ("$key", key));
            using SqliteDataReader reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }

            return new HttpCacheEntry(
                key,
                reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                (byte[])reader.GetValue(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)));
        });

        if (entry is not null && entry.ExpiresAt <= now)
        {
            long nowMs = now.ToUnixTimeMilliseconds();
            _store.Write((c, t) => Sql.Execute(c, t, "DELETE FROM rsspot_http_cache WHERE key = $key AND expires_at <= $now", ("$key", key), ("$now", nowMs)));
            entry = null;
        }

        return entry is not null;
    }

    /// <summary>Inserts or replaces an entry, then prunes the oldest entries beyond <paramref name="maxEntries"/>.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="maxEntries">The bound on the number of entries (at least 1).</param>
    public void Put(HttpCacheEntry entry, int maxEntries)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        _store.Write((c, t) =>
        {
            Sql.Execute(
                c,
                t,
                """
                INSERT INTO rsspot_http_cache (key, status_code, content_type, body, stored_at, expires_at)
                VALUES ($key, $status, $type, $body, $stored, $expires)
                ON CONFLICT (key) DO UPDATE SET status_code = excluded.status_code, content_type = excluded.content_type,
                    body = excluded.body, stored_at = excluded.stored_at, expires_at = excluded.expires_at
                """,
                ("$key", entry.Key),
                ("$status", entry.StatusCode),
                ("$type", entry.ContentType),
                ("$body", entry.Body),
                ("$stored", entry.StoredAt.ToUnixTimeMilliseconds()),
                ("$expires", entry.ExpiresAt.ToUnixTimeMilliseconds()));
            return Sql.Execute(
                c,
                t,
                "DELETE FROM rsspot_http_cache WHERE key IN (SELECT key FROM rsspot_http_cache ORDER BY stored_at DESC, rowid DESC LIMIT -1 OFFSET $max)",
                ("$max", maxEntries));
        });
    }

    /// <summary>Deletes every entry whose key starts with <paramref name="keyPrefix"/> (a literal prefix, no wildcards).</summary>
    /// <param name="keyPrefix">The key prefix.</param>
    /// <returns>How many entries were deleted.</returns>
    public int InvalidatePrefix(string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        return _store.Write((c, t) => Sql.Execute(
            c,
            t,
            "DELETE FROM rsspot_http_cache WHERE substr(key, 1, $length) = $prefix",
            ("$length", keyPrefix.Length),
            ("$prefix", keyPrefix)));
    }

    /// <summary>Deletes every entry.</summary>
    public void Clear()
    {
        _store.Write((c, t) => Sql.Execute(c, t, "DELETE FROM rsspot_http_cache"));
    }

    /// <summary>The number of stored entries (expired ones included until they are read or pruned).</summary>
    /// <returns>The count.</returns>
    public int Count()
    {
        return _store.Read(c => Convert.ToInt32(Sql.Scalar(c, null, "SELECT COUNT(*) FROM rsspot_http_cache"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
