using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Rsspot.Postgres;

/// <summary>
/// Where in the database the ledger lives, and the limits every session of the ledger runs under, so that no
/// session of a stopped or hung worker holds rows for long: <see cref="StatementTimeout"/> (5 s),
/// <see cref="LockTimeout"/> (3 s) and <see cref="IdleInTransactionSessionTimeout"/> (5 s), each shorter than a
/// lease should be. A worker SIGSTOPped inside a transaction loses its session (and its row locks) after
/// <see cref="IdleInTransactionSessionTimeout"/>; claims skip locked rows meanwhile and never wait for them.
/// </summary>
public sealed partial record PostgresLedgerOptions
{
    /// <summary>The schema holding the ledger's tables (created when missing); <c>rsspot</c> by default.</summary>
    public string Schema { get; init; } = "rsspot";

    /// <summary>The longest any one statement may run (<c>statement_timeout</c>); 5 s by default. Keep it shorter than the lease.</summary>
    public TimeSpan StatementTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest a statement waits for a row or advisory lock (<c>lock_timeout</c>); 3 s by default.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a session may sit inside a transaction doing nothing before the server ends it and frees its locks
    /// (<c>idle_in_transaction_session_timeout</c>); 5 s by default.
    /// </summary>
    public TimeSpan IdleInTransactionSessionTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>These options with each limit at most a third of <paramref name="lease"/> (at least 100 ms), so statements always end well within a lease.</summary>
    /// <param name="lease">The lease the workers take.</param>
    /// <returns>The options.</returns>
    public PostgresLedgerOptions BoundedBy(TimeSpan lease)
    {
        TimeSpan third = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, lease.Ticks / 3));
        return this with
        {
            StatementTimeout = Min(StatementTimeout, third),
            LockTimeout = Min(LockTimeout, third),
            IdleInTransactionSessionTimeout = Min(IdleInTransactionSessionTimeout, third),
        };
    }

    internal string CheckedSchema() =>
        SchemaName().IsMatch(Schema)
            ? Schema
            : throw new ArgumentException($"'{Schema}' is not a usable schema name: use lower-case letters, digits and '_', starting with a letter or '_' (at most 63).", nameof(Schema));

    /// <summary>The connection string with the session limits as server options, and a client-side command timeout just past the statement timeout.</summary>
    internal string Apply(string connectionString)
    {
        CheckLimit(StatementTimeout, nameof(StatementTimeout));
        CheckLimit(LockTimeout, nameof(LockTimeout));
        CheckLimit(IdleInTransactionSessionTimeout, nameof(IdleInTransactionSessionTimeout));
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        string limits = string.Create(
            CultureInfo.InvariantCulture,
            $"-c statement_timeout={Ms(StatementTimeout)} -c lock_timeout={Ms(LockTimeout)} -c idle_in_transaction_session_timeout={Ms(IdleInTransactionSessionTimeout)}");
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? limits : builder.Options + " " + limits;
        builder.CommandTimeout = (int)Math.Ceiling(StatementTimeout.TotalSeconds) + 2;
        return builder.ConnectionString;
    }

    private static long Ms(TimeSpan value) => (long)Math.Ceiling(value.TotalMilliseconds);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static void CheckLimit(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be more than 0 and at most 1 hour.");
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
