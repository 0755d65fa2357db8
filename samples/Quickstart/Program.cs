// Quickstart: the whole life of a Spot cluster in one page of code.
// With no arguments it starts the local Spot emulator in-process, so it runs without an account.
// With --use-config it talks to the account of your rsspot config (profile, org, refresh token) instead: it says
// what it will create (billable) and where, and asks first; --yes skips the question (needed when stdin is not a terminal).
using Rsspot;
using Rsspot.Emulator;
using Rsspot.Pricing;
using Rsspot.Services;
using Rsspot.Testing;

var useConfig = args.Contains("--use-config");
var yes = args.Contains("--yes") || args.Contains("-y");
await using var emulator = useConfig ? null : await SpotTestServer.StartAsync(new EmulatorOptions { ReadyAfter = TimeSpan.FromSeconds(2) });
var workDir = Directory.CreateTempSubdirectory("rsspot-quickstart-").FullName;

// The emulator's options ignore any config file on this machine and keep state in a temp folder.
var options = emulator is null ? new SpotClientOptions() : emulator.ClientOptions();
Console.WriteLine(emulator is null ? "Using your rsspot config." : $"Started the Spot emulator at {emulator.BaseUrl}.");

using var client = new SpotClient(options);
var org = await client.GetOrganizationAsync();
Console.WriteLine($"Organization: {org.Name} (namespace {org.Namespace})");

var regions = await client.Regions.ListAsync();
Console.WriteLine($"Regions: {string.Join(", ", regions.Select(r => r.Metadata?.Name))}");

// Price rows come cheapest market price first, over every region: the first available one is the class to use,
// in the region where it is cheapest.
var prices = await client.Pricing.ListAsync(new PriceQuery());
var available = prices.Where(p => p.Row.MarketPerHour is not null && p.Row.IsAvailable).ToList();
Console.WriteLine("Cheapest server classes:");
foreach (var item in available.Take(3))
{
    Console.WriteLine($"  {item.Row.ClassName,-22} {item.Row.Region,-18} {item.Row.Cpu,3} vCPU {item.Row.MemoryGb,6} GB  market {Usd(item.Row.MarketPerHour)}/h");
}

var cheapest = available.First().Row;
var region = cheapest.Region;
// 20 % over the market, rounded up to the three decimals the API takes.
var bid = Math.Ceiling(cheapest.MarketPerHour!.Value * 1.2m * 1000m) / 1000m;
var name = $"quickstart-{DateTime.UtcNow:HHmmss}";
Console.WriteLine(
    $"Plan: cloudspace {name} in {region} (organization {org.Name}) with 2 spot nodes of {cheapest.ClassName} " +
    $"(bid {Usd(bid)}/h each) and 1 on-demand node of {cheapest.ClassName} ({Usd(cheapest.OnDemandPerHour)}/h); all deleted again at the end.");
if (useConfig && !yes && !Confirmed())
{
    Console.WriteLine("Nothing was created.");
    return 2;
}

Console.WriteLine($"Creating cloudspace {name}...");
var created = await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(name, region)
{
    SpotPools = [new SpotNodePoolRequest(name, cheapest.ClassName, bid) { Desired = 2 }],
    OnDemandPools = [new OnDemandNodePoolRequest(name, cheapest.ClassName) { Desired = 1 }],
});
Console.WriteLine($"  created {created.SpotPools.Count} spot pool(s) and {created.OnDemandPools.Count} on-demand pool(s)");

var kubeconfig = Path.Combine(workDir, "kubeconfig.yaml");
try
{
    var ready = await client.Cloudspaces.WaitUntilReadyAsync(name, TimeSpan.FromMinutes(30), new PhasePrinter());
    Console.WriteLine($"Ready: API server at {ready.Status?.APIServerEndpoint}");

    await client.Cloudspaces.WriteKubeconfigAsync(name, kubeconfig);
    Console.WriteLine($"Kubeconfig written to {kubeconfig} (owner-only permissions)");

    foreach (var pool in await client.SpotNodePools.ListAsync(name))
    {
        Console.WriteLine($"  spot pool {pool.Metadata?.Name}: {pool.Status?.BidStatus} ({pool.Status?.WonCount ?? 0} won)");
    }
}
finally
{
    // Whatever happened above, nothing is left behind: the cloudspace (and its pools) and the kubeconfig for it.
    Console.WriteLine($"Cleaning up: deleting cloudspace {name}...");
    await client.Cloudspaces.DeleteAsync(name);
    if (File.Exists(kubeconfig))
    {
        File.Delete(kubeconfig);
        Console.WriteLine($"Deleted the kubeconfig {kubeconfig} (its cloudspace is gone).");
    }

    Directory.Delete(workDir, recursive: true);
}

Console.WriteLine("Done.");
return 0;

static string Usd(decimal? value) => value is { } v ? "$" + v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "unknown";

// Real resources cost money: ask on a terminal; with no terminal to ask on, only --yes goes ahead.
static bool Confirmed()
{
    if (Console.IsInputRedirected)
    {
        Console.Error.WriteLine("This creates billable resources in your account and stdin is not a terminal to ask on: run again with --yes to go ahead.");
        return false;
    }

    Console.Write("Create them? [y/N] ");
    return Console.ReadLine()?.Trim().ToLowerInvariant() is "y" or "yes";
}

/// <summary>Prints each phase as it is reported (synchronously, so lines stay in order).</summary>
internal sealed class PhasePrinter : IProgress<string>
{
    public void Report(string value) => Console.WriteLine($"  phase: {value}");
}
