using System.Text.RegularExpressions;

namespace Rsspot.Postgres;

/// <summary>Where in the database the ledger lives.</summary>
public sealed partial record PostgresLedgerOptions
{
    /// <summary>The schema holding the ledger's tables (created when missing); <c>rsspot</c> by default.</summary>
    public string Schema { get; init; } = "rsspot";

    internal string CheckedSchema() =>
        SchemaName().IsMatch(Schema)
            ? Schema
            : throw new ArgumentException($"'{Schema}' is not a usable schema name: use lower-case letters, digits and '_', starting with a letter or '_' (at most 63).", nameof(Schema));

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
