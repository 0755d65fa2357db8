using System.Diagnostics;
using Rsspot.Postgres;
using Rsspot.Tests.State;
using Rsspot.Tests.Workflows.Ledger;
using Rsspot.Workflows;

namespace Rsspot.Tests.Postgres;

/// <summary>
/// The ledger contract on a real PostgreSQL server, found through <c>RSSPOT_TEST_POSTGRES</c> (a connection string);
/// skipped without it. Each test has a schema of its own, dropped afterwards. Leases run on the server's clock,
/// so expiry is waited out.
/// </summary>
public sealed class PostgresLedgerContractTests : LedgerContractTests
{
    private readonly string _schema = PostgresTestServer.NewSchemaName();

    protected override TimeSpan ShortLease => TimeSpan.FromSeconds(1);

    protected override void SkipUnlessAvailable() => PostgresTestServer.SkipUnlessAvailable();

    protected override async Task<IRegistrationLedger> OpenLedgerAsync() =>
        await PostgresRegistrationLedger.OpenAsync(PostgresTestServer.ConnectionString!, new PostgresLedgerOptions { Schema = _schema });

    protected override Task CleanUpAsync() => PostgresTestServer.DropSchemaAsync(_schema);

    protected override Task LetShortLeasesExpireAsync() => Task.Delay(ShortLease + TimeSpan.FromMilliseconds(500));

    protected override Process StartClaimingProcess(string owner, string goFile) =>
        StateWriterProcess.Start("claim-postgres", _schema, owner, goFile);
}
