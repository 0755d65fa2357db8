using System.Diagnostics;
using Npgsql;
using Rsspot.Postgres;
using Rsspot.Workflows;

namespace Rsspot.Tests.Postgres;

/// <summary>
/// The session limits of the PostgreSQL ledger on a real server: a session stuck idle inside a transaction with a
/// row locked (a worker SIGSTOPped mid-transaction) neither blocks claims nor holds the row past
/// <see cref="PostgresLedgerOptions.IdleInTransactionSessionTimeout"/>.
/// </summary>
public sealed class PostgresSessionLimitTests : IAsyncLifetime
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgresTestServer.DropSchemaAsync(_schema);

    [SkippableFact]
    public async Task A_session_stuck_idle_in_transaction_releases_its_row_within_the_documented_timeout_and_never_blocks_claims()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var options = new PostgresLedgerOptions { Schema = _schema };
        Assert.Equal(TimeSpan.FromSeconds(5), options.IdleInTransactionSessionTimeout);
        await using PostgresRegistrationLedger ledger = await PostgresRegistrationLedger.OpenAsync(PostgresTestServer.ConnectionString!, options);
        await ledger.DiscoverAsync([Candidate(1), Candidate(2)]);

        // A session of the ledger's kind (same limits) that locks a row and then does nothing.
        await using var stuck = new NpgsqlConnection(options.Apply(PostgresTestServer.ConnectionString!));
        await stuck.OpenAsync();
        await using NpgsqlTransaction transaction = await stuck.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT key FROM {_schema}.registration_ledger WHERE key = 'vmreg-1' FOR UPDATE", stuck, transaction))
        {
            await lockRow.ExecuteScalarAsync();
        }

        IReadOnlyList<RegistrationRecord> others = await ledger.ClaimNextAsync("w1", 10, TimeSpan.FromMinutes(1));
        Assert.Equal(["vmreg-2"], others.Select(r => r.Key));
        Assert.Null(await ledger.TryClaimAsync("vmreg-1", "w1", TimeSpan.FromMinutes(1)));

        // The claims did not wait for the stuck session: it is still alive and still holds its lock (had they waited
        // until the server ended it, this would fail).
        await using (var stillThere = new NpgsqlCommand("SELECT 1", stuck, transaction))
        {
            Assert.Equal(1, await stillThere.ExecuteScalarAsync());
        }

        var clock = Stopwatch.StartNew();

        RegistrationRecord? claimed = null;
        while (claimed is null)
        {
            Assert.True(clock.Elapsed < options.IdleInTransactionSessionTimeout + TimeSpan.FromSeconds(60), "the stuck session still holds the row a minute after its idle timeout");
            await Task.Delay(100);
            claimed = await ledger.TryClaimAsync("vmreg-1", "w1", TimeSpan.FromMinutes(1));
        }

        Assert.True(clock.Elapsed >= options.IdleInTransactionSessionTimeout - TimeSpan.FromSeconds(1), $"released after {clock.Elapsed.TotalSeconds} s");
        Assert.Equal("w1", claimed.LeaseOwner);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => transaction.CommitAsync());
    }

    [Fact]
    public void The_limits_are_bounded_by_a_short_lease_and_reach_the_server_as_session_options()
    {
        PostgresLedgerOptions bounded = new PostgresLedgerOptions().BoundedBy(TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(1), bounded.StatementTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), bounded.LockTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), bounded.IdleInTransactionSessionTimeout);
        Assert.Equal(new PostgresLedgerOptions(), new PostgresLedgerOptions().BoundedBy(TimeSpan.FromMinutes(1)));
        var applied = new NpgsqlConnectionStringBuilder(bounded.Apply("Host=db;Options=-c search_path=x"));
        Assert.Equal("-c search_path=x -c statement_timeout=1000 -c lock_timeout=1000 -c idle_in_transaction_session_timeout=1000", applied.Options);
        Assert.Equal(3, applied.CommandTimeout);
    }

    private static RegistrationCandidate Candidate(int i) => new($"vmreg-{i}", $"srv-{i}", "org-1", "vcs-a", null, $"vm-{i}", "cluster-1");
}
