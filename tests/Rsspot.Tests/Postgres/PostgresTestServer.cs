using Npgsql;

namespace Rsspot.Tests.Postgres;

/// <summary>The PostgreSQL server of the test run (<c>RSSPOT_TEST_POSTGRES</c>, started by .ci/run), or none.</summary>
public static class PostgresTestServer
{
    public const string Variable = "RSSPOT_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static void SkipUnlessAvailable() =>
        Skip.If(ConnectionString is null, $"{Variable} is not set: no PostgreSQL server for this run (.ci/run starts one).");

    /// <summary>The fault tests' own server (<c>RSSPOT_TEST_POSTGRES_FAULTS</c>), which <see cref="Control"/> stops and starts.</summary>
    public static string? FaultsConnectionString => Environment.GetEnvironmentVariable("RSSPOT_TEST_POSTGRES_FAULTS") is { Length: > 0 } value ? value : null;

    /// <summary>The script that stops (<c>stop</c>: immediately, as a crash) and starts (<c>start</c>) the server: <c>RSSPOT_TEST_POSTGRES_CTL</c>.</summary>
    public static string? Control => Environment.GetEnvironmentVariable("RSSPOT_TEST_POSTGRES_CTL") is { Length: > 0 } value ? value : null;

    public static void SkipUnlessControllable()
    {
        SkipUnlessAvailable();
        Skip.If(Control is null || FaultsConnectionString is null, "RSSPOT_TEST_POSTGRES_FAULTS and RSSPOT_TEST_POSTGRES_CTL are not set: no server of this run may be stopped and started (.ci/postgres.sh exports them).");
    }

    /// <summary>Runs <c>$RSSPOT_TEST_POSTGRES_CTL stop|start</c> and waits for it.</summary>
    public static async Task ControlAsync(string verb)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(Control!, [verb]) { UseShellExecute = false, RedirectStandardError = true })!;
        string errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Control} {verb} failed: {errors}");
    }

    /// <summary>Ends every other session of the fault tests' server (<c>pg_terminate_backend</c>, as an administrator or a failover would); returns how many.</summary>
    public static async Task<int> TerminateOtherSessionsAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(FaultsConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) t",
            connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string NewSchemaName() => "t_" + Guid.NewGuid().ToString("N");

    public static async Task DropSchemaAsync(string schema, string? server = null)
    {
        server ??= ConnectionString;
        if (server is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
