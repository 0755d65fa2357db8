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

    protected override Process StartClaimingProcess(string owner, string goFile) =>
        StateWriterProcess.Start("claim", _dir.File("state.db"), owner, goFile);
}
