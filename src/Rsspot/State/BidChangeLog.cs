using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>The <c>bid_changes</c> table: one row per applied bid change, written right after the patch succeeded.</summary>
public sealed class BidChangeLog
{
    private readonly StateStore _store;

    internal BidChangeLog(StateStore store)
    {
        _store = store;
    }

    /// <summary>Records a change; <see cref="BidChange.Id"/> is ignored and assigned.</summary>
    /// <param name="change">The change.</param>
    /// <returns>The stored change with its id.</returns>
    public BidChange Record(BidChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        long id = _store.Write((c, t) => (long)Sql.Scalar(
            c,
            t,
            """
            INSERT INTO bid_changes (at, cloudspace, pool, server_class, old_bid, new_bid, market, status, reason)
            VALUES ($at, $cloudspace, $pool, $class, $old, $new, $market, $status, $reason) RETURNING id
            """,
            ("$at", StateTime.ToText(change.At)),
            ("$cloudspace", change.Cloudspace),
            ("$pool", change.Pool),
            ("$class", change.ServerClass),
            ("$old", Text(change.OldBid)),
            ("$new", Text(change.NewBid)),
            ("$market", change.Market is decimal m ? Text(m) : null),
            ("$status", change.Status),
            ("$reason", change.Reason))!);
        return change with { Id = id };
    }

    /// <summary>The newest changes first, optionally of one pool only.</summary>
    /// <param name="limit">At most this many.</param>
    /// <param name="pool">Only this pool, or every pool when null.</param>
    public IReadOnlyList<BidChange> List(int limit = 50, string? pool = null)
    {
        return _store.Read(c =>
        {
            using SqliteCommand command = Sql.Command(
                c,
                null,
                """
                SELECT id, at, cloudspace, pool, server_class, old_bid, new_bid, market, status, reason FROM bid_changes
                WHERE $pool IS NULL OR pool = $pool ORDER BY id DESC LIMIT $limit
                """,
                ("$pool", pool),
                ("$limit", Math.Max(0, limit)));
            using SqliteDataReader reader = command.ExecuteReader();
            var changes = new List<BidChange>();
            while (reader.Read())
            {
                changes.Add(new BidChange(
                    reader.GetInt64(0),
                    StateTime.FromText(reader.GetString(1)),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    Parse(reader.GetString(5)),
                    Parse(reader.GetString(6)),
                    reader.IsDBNull(7) ? null : Parse(reader.GetString(7)),
                    reader.GetString(8),
                    reader.GetString(9)));
            }

            return changes;
        });
    }

    // Decimal text keeps every digit (sqlite REAL would round 0.1 to a binary fraction).
    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static decimal Parse(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
}
