using Npgsql;

namespace Rsspot.Tests.Workflows.Ledger;

/// <summary>The PostgreSQL server of the test run (<c>RSSPOT_TEST_POSTGRES</c>, started by .ci/run), or none.</summary>
public static class PostgresTestServer
{
    public const string Variable = "RSSPOT_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static void SkipUnlessAvailable() =>
        Skip.If(ConnectionString is null, $"{Variable} is not set: no PostgreSQL server for this run (.ci/run starts one).");

    public static string NewSchemaName() => "t_" + Guid.NewGuid().ToString("N");

    public static async Task DropSchemaAsync(string schema)
    {
        if (ConnectionString is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
