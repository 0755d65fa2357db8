using System.Globalization;
using Rsspot.State;
using Rsspot.Workflows;

// Usage:
//   prefs <db> <writer-id> <count> <go-file>   write <count> preferences named w<writer-id>-<i>
//   claim <db> <owner> <go-file>               claim registrations one by one until none is left; print each key
// Both wait for <go-file> to exist so that the processes of one test start together.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: prefs <db> <writer-id> <count> <go-file> | claim <db> <owner> <go-file>");
    return 2;
}

string goFile = args[^1];
DateTime deadline = DateTime.UtcNow.AddSeconds(60);
while (!File.Exists(goFile) && DateTime.UtcNow < deadline)
{
    Thread.Sleep(5);
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
        string owner = args[2];
        var workflow = new RegistrationWorkflow(store, leaseDuration: TimeSpan.FromMinutes(10));
        while (workflow.ClaimNext(owner, 1, RegistrationStatus.Discovered) is [RegistrationRecord claimed])
        {
            workflow.MarkTokenIssued(claimed.Key, "token-" + owner, DateTimeOffset.UtcNow.AddHours(1), owner);
            Console.Out.WriteLine(claimed.Key);
        }

        return 0;
    default:
        Console.Error.WriteLine($"unknown mode '{args[0]}'");
        return 2;
}
