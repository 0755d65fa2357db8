using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>
/// The <c>preferences</c> table (shared with the Python rsspot): string values by key, with the time of the last
/// change as epoch seconds.
/// </summary>
public sealed class PreferenceStore
{
    private readonly StateStore _store;

    internal PreferenceStore(StateStore store)
    {
        _store = store;
    }

    /// <summary>The value of a key, or <see langword="null"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    public string? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _store.Read(c => Sql.Scalar(c, null, "SELECT value FROM preferences WHERE key = $key", ("$key", key)) as string);
    }

    /// <summary>Sets a key; a <see langword="null"/> value removes it (the column holds no null).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or <see langword="null"/> to remove the key.</param>
    public void Set(string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is null)
        {
            Remove(key);
            return;
        }

        _store.Write((c, t) => Sql.Execute(
            c,
            t,
            "INSERT INTO preferences (key, value, updated_at) VALUES ($key, $value, $at) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            ("$key", key),
            ("$value", value),
            ("$at", StateTime.ToEpoch(DateTimeOffset.UtcNow))));
    }

    /// <summary>Removes a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns><see langword="false"/> when the key did not exist.</returns>
    public bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _store.Write((c, t) => Sql.Execute(c, t, "DELETE FROM preferences WHERE key = $key", ("$key", key))) > 0;
    }

    /// <summary>All keys and values.</summary>
    /// <returns>The preferences, ordered by key.</returns>
    public IReadOnlyDictionary<string, string?> All()
    {
        return _store.Read(c =>
        {
            using SqliteCommand command = Sql.Command(c, null, "SELECT key, value FROM preferences ORDER BY key");
            using SqliteDataReader reader = command.ExecuteReader();
            var result = new Dictionary<string, string?>(StringComparer.Ordinal);
            while (reader.Read())
            {
                result[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }

            return result;
        });
    }
}
