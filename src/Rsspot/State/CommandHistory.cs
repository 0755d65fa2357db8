using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>
/// The <c>command_history</c> table, shared with the Python rsspot (both tools' commands are listed): bounded (the
/// newest <see cref="Limit"/> entries are kept). Arguments are stored as given: the caller, which knows its flags
/// and its secrets, redacts them first.
/// </summary>
public sealed class CommandHistory
{
    private readonly StateStore _store;

    internal CommandHistory(StateStore store, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _store = store;
        Limit = limit;
    }

    /// <summary>How many entries are kept.</summary>
    public int Limit { get; }

    /// <summary>Records a command and prunes the oldest entries beyond <see cref="Limit"/>.</summary>
    /// <param name="command">The command path, e.g. <c>cloudspaces list</c>.</param>
    /// <param name="args">The arguments, already redacted by the caller.</param>
    /// <param name="at">When it ran.</param>
    /// <param name="duration">How long it took.</param>
    /// <param name="profile">The profile it ran with, when known.</param>
    /// <param name="org">The organization it ran against, when known.</param>
    /// <param name="region">The region it ran against, when known.</param>
    /// <returns>The stored entry.</returns>
    public HistoryEntry Record(string command, IReadOnlyList<string> args, DateTimeOffset at, TimeSpan duration, string? profile = null, string? org = null, string? region = null) =>
        Record(command, args, null, at, duration, profile, org, region);

    /// <summary>Records a command with the rsspot tool's exit code (the shared table's extra column).</summary>
    /// <param name="command">The command path, e.g. <c>cloudspaces list</c>.</param>
    /// <param name="args">The arguments, already redacted by the caller.</param>
    /// <param name="exitCode">The exit code.</param>
    /// <param name="at">When it ran.</param>
    /// <param name="duration">How long it took.</param>
    /// <param name="profile">The profile it ran with, when known.</param>
    /// <param name="org">The organization it ran against, when known.</param>
    /// <param name="region">The region it ran against, when known.</param>
    /// <returns>The stored entry.</returns>
    internal HistoryEntry Record(string command, IReadOnlyList<string> args, int? exitCode, DateTimeOffset at, TimeSpan duration, string? profile = null, string? org = null, string? region = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(args);
        string safeCommand = command;
        IReadOnlyList<string> safeArgs = [.. args];
        long durationMs = (long)duration.TotalMilliseconds;
        DateTimeOffset storedAt = StateTime.Truncate(at);
        long id = _store.Write((c, t) =>
        {
            long newId = (long)Sql.Scalar(
                c,
                t,
                """
                INSERT INTO command_history (created_at, command, argv_json, profile, org, region, exit_code, duration_ms)
                VALUES ($at, $command, $args, $profile, $org, $region, $exit, $duration) RETURNING id
                """,
                ("$command", safeCommand),
                ("$args", ArgsJson(safeArgs)),
                ("$exit", exitCode),
                ("$at", StateTime.ToEpoch(storedAt)),
                ("$duration", durationMs),
                ("$profile", profile),
                ("$org", org),
                ("$region", region))!;
            Sql.Execute(
                c,
                t,
                "DELETE FROM command_history WHERE id <= (SELECT id FROM command_history ORDER BY id DESC LIMIT 1 OFFSET $limit)",
                ("$limit", Limit));
            return newId;
        });
        return new HistoryEntry(id, safeCommand, safeArgs, storedAt, TimeSpan.FromMilliseconds(durationMs)) { ExitCode = exitCode, Profile = profile, Org = org, Region = region };
    }

    // Same text as JsonSerializer.Serialize(args) without the reflection-based serializer's start-up cost. Non-ASCII
    // is escaped, as the Python's json.dumps(argv, ensure_ascii=True) writes it.
    private static string ArgsJson(IReadOnlyList<string> args)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (string arg in args)
            {
                writer.WriteStringValue(arg);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The newest entries, newest first (the Python rsspot's included).</summary>
    /// <param name="limit">At most this many.</param>
    /// <returns>The entries.</returns>
    public IReadOnlyList<HistoryEntry> List(int limit = 50)
    {
        return _store.Read(c =>
        {
            using SqliteCommand command = Sql.Command(
                c,
                null,
                "SELECT id, command, argv_json, exit_code, created_at, duration_ms, profile, org, region FROM command_history ORDER BY id DESC LIMIT $limit",
                ("$limit", Math.Max(0, limit)));
            using SqliteDataReader reader = command.ExecuteReader();
            var entries = new List<HistoryEntry>();
            while (reader.Read())
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                entries.Add(new HistoryEntry(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    ReadArgs(Text(2)),
                    StateTime.FromEpoch(reader.GetDouble(4)),
                    reader.IsDBNull(5) ? null : TimeSpan.FromMilliseconds(Math.Clamp(reader.GetInt64(5), 0, (long)TimeSpan.MaxValue.TotalMilliseconds)))
                {
                    ExitCode = reader.IsDBNull(3) ? null : (int)Math.Clamp(reader.GetInt64(3), int.MinValue, int.MaxValue),
                    Profile = Text(6),
                    Org = Text(7),
                    Region = Text(8),
                });
            }

            return entries;
        });
    }

    // The arguments as a JSON array of strings; anything else another writer left (not JSON, other values) is shown
    // as it is stored rather than failing the whole list.
    private static IReadOnlyList<string> ReadArgs(string? json)
    {
        if (json is null)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize(json, StateJsonContext.Default.StringArray) ?? [];
        }
        catch (JsonException)
        {
            return [json];
        }
    }

    /// <summary>Deletes every entry.</summary>
    /// <returns>How many were deleted.</returns>
    public int Clear()
    {
        return _store.Write((c, t) => Sql.Execute(c, t, "DELETE FROM command_history"));
    }

    /// <summary>Distinct commands that start with <paramref name="prefix"/>, most recently used first.</summary>
    /// <param name="prefix">The typed prefix (literal, case-sensitive).</param>
    /// <param name="limit">At most this many.</param>
    /// <returns>The commands.</returns>
    public IReadOnlyList<string> Suggest(string prefix, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return _store.Read(c =>
        {
            using SqliteCommand command = Sql.Command(
                c,
                null,
                """
                SELECT command FROM command_history WHERE substr(command, 1, $length) = $prefix
                GROUP BY command ORDER BY MAX(id) DESC LIMIT $limit
                """,
                ("$length", prefix.Length),
                ("$prefix", prefix),
                ("$limit", Math.Max(0, limit)));
            using SqliteDataReader reader = command.ExecuteReader();
            var result = new List<string>();
            while (reader.Read())
            {
                result.Add(reader.GetString(0));
            }

            return result;
        });
    }

    /// <summary>Count, oldest and newest times, and where the history lives.</summary>
    /// <returns>The summary.</returns>
    public HistoryInfo Info()
    {
        return _store.Read(c =>
        {
            using SqliteCommand command = Sql.Command(c, null, "SELECT COUNT(*), MIN(created_at), MAX(created_at) FROM command_history");
            using SqliteDataReader reader = command.ExecuteReader();
            reader.Read();
            return new HistoryInfo(
                Convert.ToInt32(reader.GetInt64(0), CultureInfo.InvariantCulture),
                StateTime.FromNullableEpoch(reader.GetValue(1)),
                StateTime.FromNullableEpoch(reader.GetValue(2)),
                _store.DisplayPath,
                Limit);
        });
    }
}
