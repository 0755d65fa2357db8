using System.Globalization;
using Microsoft.Data.Sqlite;
using Rsspot.Security;

namespace Rsspot.State;

/// <summary>
/// Repairs or resets a damaged state database. Both keep the damaged file, moved aside to
/// <c>&lt;state.db&gt;.broken-&lt;UTC timestamp&gt;</c> (with its <c>-wal</c> and <c>-shm</c>), and never touch the config.
/// The response cache is never salvaged: it refills itself.
/// </summary>
public static class StateMaintenance
{
    private static readonly string[] SalvagedTables = ["preferences", "command_history", "registration_ledger"];

    /// <summary>Moves the state database (a file, or whatever is at its path) aside so the next use starts a fresh one.</summary>
    /// <param name="path">The state database.</param>
    /// <param name="timeProvider">Clock for the moved-aside name; the system clock when <see langword="null"/>.</param>
    /// <returns>Where it was moved, or <see langword="null"/> when nothing was there.</returns>
    /// <exception cref="StateStoreException">It cannot be moved.</exception>
    public static string? Reset(string path, TimeProvider? timeProvider = null)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        if (BoundedFile.KindOf(fullPath) == FileKind.Missing)
        {
            return null;
        }

        string aside = fullPath + ".broken-" + (timeProvider ?? TimeProvider.System).GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(fullPath))
            {
                Directory.Move(fullPath, aside);
            }
            else
            {
                File.Move(fullPath, aside);
            }

            foreach (string suffix in new[] { "-wal", "-shm" })
            {
                if (File.Exists(fullPath + suffix))
                {
                    File.Move(fullPath + suffix, aside + suffix);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException($"State database '{fullPath}' cannot be moved aside: {ex.Message.TrimEnd('.')}. Fix: make its folder writable.", ex);
        }

        return aside;
    }

    /// <summary>
    /// Copies every row sqlite can still read (preferences, command history, registration ledger) into a new
    /// database, moves the damaged one aside and puts the new one in its place.
    /// </summary>
    /// <param name="path">The state database.</param>
    /// <param name="timeProvider">Clock for the moved-aside name; the system clock when <see langword="null"/>.</param>
    /// <returns>What was salvaged and what was lost.</returns>
    /// <exception cref="StateStoreException">The new database cannot be written or the old one cannot be moved.</exception>
    public static StateRepairResult Repair(string path, TimeProvider? timeProvider = null)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        var salvaged = new Dictionary<string, long>(StringComparer.Ordinal);
        var lost = new List<string>();
        FileKind kind = BoundedFile.KindOf(fullPath);
        if (kind == FileKind.Missing)
        {
            return new StateRepairResult(fullPath, null, salvaged, lost);
        }

        string fresh = fullPath + ".repair-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            using (var target = OpenPlain(fresh, SqliteOpenMode.ReadWriteCreate))
            {
                StateSchema.Migrate(target, fresh);
                LegacyStateSchema.RegisterEpochFunction(target);
                if (kind == FileKind.Regular && TryAttach(target, fullPath))
                {
                    bool legacy = OldVersion(target) is > 0 and <= LegacyStateSchema.LastVersion;
                    foreach (string table in SalvagedTables)
                    {
                        if (TryCopy(target, table, legacy) is { } rows)
                        {
                            salvaged[table] = rows;
                        }
                        else
                        {
                            lost.Add(table);
                        }
                    }
                }
                else
                {
                    lost.AddRange(SalvagedTables);
                }
            }

            SqliteConnection.ClearAllPools();
            string? aside = Reset(fullPath, timeProvider);
            File.Move(fresh, fullPath);
            return new StateRepairResult(fullPath, aside, salvaged, lost);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StateStoreException($"State database '{fullPath}' cannot be repaired: {ex.Message.TrimEnd('.')}. Fix: make its folder writable, or reset it.", ex);
        }
        finally
        {
            if (File.Exists(fresh))
            {
                File.Delete(fresh);
            }
        }
    }

    private static SqliteConnection OpenPlain(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static bool TryAttach(SqliteConnection target, string damaged)
    {
        try
        {
            Sql.Execute(target, null, "ATTACH DATABASE $path AS old", ("$path", damaged));
            Sql.Scalar(target, null, "SELECT COUNT(*) FROM old.sqlite_master");
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static int? OldVersion(SqliteConnection target)
    {
        try
        {
            return Convert.ToInt32(Sql.Scalar(target, null, "PRAGMA old.user_version"), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    // Copies the columns both tables have (an earlier release's table: converted to the shared columns); null when
    // the damaged table cannot be read to the end.
    private static long? TryCopy(SqliteConnection target, string table, bool legacy)
    {
        try
        {
            var columns = Columns(target, "main", table).Intersect(Columns(target, "old", table), StringComparer.Ordinal).ToList();
            if (columns.Count == 0)
            {
                return null;
            }

            string list = string.Join(", ", columns.Select(c => "\"" + c + "\""));
            string copy = legacy ? LegacyStateSchema.CopyStatement(table, "old." + table) : $"INSERT OR IGNORE INTO main.{table} ({list}) SELECT {list} FROM old.{table}";
            using SqliteTransaction transaction = target.BeginTransaction();
            int rows = Sql.Execute(target, transaction, copy);
            transaction.Commit();
            return rows;
        }
        catch (SqliteException)
        {
            return null;
        }
    }

    private static List<string> Columns(SqliteConnection connection, string schema, string table)
    {
        using SqliteCommand command = Sql.Command(connection, null, $"SELECT name FROM pragma_table_info($table, $schema)", ("$table", table), ("$schema", schema));
        using SqliteDataReader reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
