using Rsspot.Postgres;
using Rsspot.State;
using Rsspot.Workflows;

namespace RegistrationController;

/// <summary>The ledger of this controller: PostgreSQL when <c>--postgres</c> (or RSSPOT_LEDGER_POSTGRES) is given, else state.db.</summary>
internal sealed class LedgerConnection : IAsyncDisposable
{
    private readonly object _owner;

    private LedgerConnection(IRegistrationLedger ledger, string description, object owner)
    {
        Ledger = ledger;
        Description = description;
        _owner = owner;
    }

    public IRegistrationLedger Ledger { get; }

    /// <summary>Where the ledger is, for the log (never a password).</summary>
    public string Description { get; }

    public static async Task<LedgerConnection> OpenAsync(ControllerOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (options.Postgres is { } connectionString)
        {
            // Statement, lock and idle-in-transaction limits at most a third of the lease: no session outlives a claim.
            var shared = await PostgresRegistrationLedger.OpenAsync(connectionString, new PostgresLedgerOptions { Schema = options.Schema }.BoundedBy(options.Lease), cancellationToken).ConfigureAwait(false);
            return new LedgerConnection(shared, shared.Description, shared);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(options.StatePath)!);
        var store = StateStore.Open(options.StatePath);
        return new LedgerConnection(new SqliteRegistrationLedger(store, time), options.StatePath, store);
    }

    public async ValueTask DisposeAsync()
    {
        switch (_owner)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
