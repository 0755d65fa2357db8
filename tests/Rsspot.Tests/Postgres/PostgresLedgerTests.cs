using Npgsql;
using Rsspot.Postgres;
using Rsspot.State;
using Rsspot.Workflows;

namespace Rsspot.Tests.Postgres;

/// <summary>What only the PostgreSQL ledger has: its schema migration and the secrecy of its connection string.</summary>
public sealed class PostgresLedgerTests : IAsyncLifetime
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgresTestServer.DropSchemaAsync(_schema);

    [SkippableFact]
    public async Task Processes_opening_a_new_ledger_at_once_migrate_it_once()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var options = new PostgresLedgerOptions { Schema = _schema };

        PostgresRegistrationLedger[] ledgers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgresRegistrationLedger.OpenAsync(PostgresTestServer.ConnectionString!, options))));
        try
        {
            await ledgers[0].DiscoverAsync([new RegistrationCandidate("vmreg-1", "srv-1", "org-1", "vcs", null, "vm-1", null)]);
            Assert.All(await Task.WhenAll(ledgers.Select(l => l.GetAsync("vmreg-1"))), Assert.NotNull);
        }
        finally
        {
            foreach (PostgresRegistrationLedger ledger in ledgers)
            {
                await ledger.DisposeAsync();
            }
        }

        await using var connection = new NpgsqlConnection(PostgresTestServer.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT array_agg(version) FROM {_schema}.ledger_schema_version", connection);
        Assert.Equal([PostgresRegistrationLedger.SchemaVersion], (int[])(await command.ExecuteScalarAsync())!);
    }

    [SkippableFact]
    public async Task A_ledger_newer_than_this_build_is_refused_with_a_clear_message()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var options = new PostgresLedgerOptions { Schema = _schema };
        await (await PostgresRegistrationLedger.OpenAsync(PostgresTestServer.ConnectionString!, options)).DisposeAsync();
        await using (var connection = new NpgsqlConnection(PostgresTestServer.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"UPDATE {_schema}.ledger_schema_version SET version = 99", connection);
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StateStoreException>(() => PostgresRegistrationLedger.OpenAsync(PostgresTestServer.ConnectionString!, options));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_wrong_password_fails_with_a_message_that_names_the_server_but_not_the_password()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var builder = new NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString) { Password = "Wr0ng-pa55word-xyz", Username = "no_such_role_" + Guid.NewGuid().ToString("N")[..8] };

        var error = await Assert.ThrowsAsync<StateStoreException>(() => PostgresRegistrationLedger.OpenAsync(builder.ConnectionString, new PostgresLedgerOptions { Schema = _schema }));

        Assert.DoesNotContain("Wr0ng-pa55word-xyz", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(builder.Host!, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_fails_with_a_message_that_does_not_quote_the_connection_string()
    {
        int port = FreePort();
        string connection = $"Host=127.0.0.1;Port={port};Database=ledger;Username=ctl;Password=Sup3r-secret-pw;Timeout=5";

        var error = await Assert.ThrowsAsync<StateStoreException>(() => PostgresRegistrationLedger.OpenAsync(connection));

        Assert.DoesNotContain("Sup3r-secret-pw", error.ToString(), StringComparison.Ordinal);
        Assert.Contains($"ctl@127.0.0.1:{port}/ledger", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schema_name_that_is_not_a_plain_identifier_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => PostgresRegistrationLedger.OpenAsync("Host=127.0.0.1", new PostgresLedgerOptions { Schema = "x; DROP TABLE y" }));
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
