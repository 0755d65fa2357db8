using System.Globalization;
using Rsspot.Postgres;
using Rsspot.State;
using Rsspot.Workflows;

// Usage:
//   prefs <db> <writer-id> <count> <go-file>   write <count> preferences named w<writer-id>-<i>
//   claim <db> <owner> <go-file>               claim registrations one by one until none is left; print each key
//   claim-postgres <schema> <owner> <go-file>  the same on the PostgreSQL ledger of RSSPOT_TEST_POSTGRES in <schema>
// All wait for <go-file> to exist so that the processes of one test start together.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: prefs <db> <writer-id> <count> <go-file> | claim <db> <owner> <go-file> | claim-postgres <schema> <owner> <go-file>");
    return 2;
}

string goFile = args[^1];
DateTime deadline = DateTime.UtcNow.AddSeconds(60);
while (!File.Exists(goFile) && DateTime.UtcNow < deadline)
{
    Thread.Sleep(5);
}

if (args[0] == "claim-postgres")
{
    string connection = Environment.GetEnvironmentVariable("RSSPOT_TEST_POSTGRES") ?? throw new InvalidOperationException("RSSPOT_TEST_POSTGRES is not set.");
    await using PostgresRegistrationLedger ledger = await PostgresRegistrationLedger.OpenAsync(connection, new PostgresLedgerOptions { Schema = args[1] });
    await ClaimAllAsync(new RegistrationWorkflow(ledger, TimeSpan.FromMinutes(10)), args[2]);
    return 0;
}

using StateStore store = StateStore.Open(args[1]);
switch (args[0])
{
    case "prefs":
        int count = int.Parse(args[3], CultureInfo.InvariantCulture);
        for (int i = 0; i < count; i++)
        {
            store.Preferences.Set($"w{args[2]}-{i}", i.ToString(CultureInfo.InvariantCulture));
        }

        return 0;
    case "claim":
        await ClaimAllAsync(new RegistrationWorkflow(store, leaseDuration: TimeSpan.FromMinutes(10)), args[2]);
        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{args[0]}'");
        return 2;
}

static async Task ClaimAllAsync(RegistrationWorkflow workflow, string owner)
{
    while (await workflow.ClaimNextAsync(owner, 1, [RegistrationStatus.Discovered]) is [RegistrationRecord claimed])
    {
        await workflow.MarkTokenIssuedAsync(claimed.Key, "token-" + owner, DateTimeOffset.UtcNow.AddHours(1), owner);
        Console.Out.WriteLine(claimed.Key);
    }
}
