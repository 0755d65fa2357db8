using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Rsspot.State;
using Rsspot.Tests.State;
using Rsspot.Workflows;

namespace Rsspot.Tests.Workflows.Ledger;

/// <summary>The ledger contract on state.db (a real sqlite file), with a fake clock for leases.</summary>
public sealed class SqliteLedgerContractTests : LedgerContractTests
{
    private readonly TempStateDir _dir = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private StateStore? _store;

    protected override TimeSpan ShortLease => TimeSpan.FromSeconds(30);

    protected override Task<IRegistrationLedger> OpenLedgerAsync()
    {
        _store = StateStore.Open(_dir.File("state.db"));
        return Task.FromResult<IRegistrationLedger>(new SqliteRegistrationLedger(_store, _time));
    }

    protected override Task CleanUpAsync()
    {
        _store?.Dispose();
        _dir.Dispose();
        return Task.CompletedTask;
    }

    protected override Task LetShortLeasesExpireAsync()
    {
        _time.Advance(ShortLease + TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_write_waits_for_another_process_holding_the_database_lock_within_the_busy_timeout()
    {
        IRegistrationLedger ledger = Ledger;
        string key = (await ledger.DiscoverAsync([new RegistrationCandidate("vmreg-busy", "srv", "org-1", "vcs", null, "vm", null)]))[0].Key;
        await using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_dir.File("state.db")};Pooling=False"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE";
            await command.ExecuteNonQueryAsync();

            var clock = Stopwatch.StartNew();
            Task<RegistrationRecord> move = Task.Run(() => ledger.TransitionAsync(key, RegistrationStatus.TokenIssued));
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(move.IsCompleted);
            command.CommandText = "COMMIT";
            await command.ExecuteNonQueryAsync();

            Assert.Equal(RegistrationStatus.TokenIssued, (await move).Status);
            Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        }
    }

    protected override Process StartClaimingProcess(string owner, string goFile) =>
        StateWriterProcess.Start("claim", _dir.File("state.db"), owner, goFile);
}
