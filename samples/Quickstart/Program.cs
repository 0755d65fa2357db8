// Quickstart: the whole life of a Spot cluster in one page of code.
// With no arguments it starts the local Spot emulator in-process, so it runs without an account.
// With --use-config it talks to the account of your rsspot config (profile, org, refresh token) instead.
using Rsspot;
using Rsspot.Emulator;
using Rsspot.Pricing;
using Rsspot.Services;
using Rsspot.Testing;

var useConfig = args.Contains("--use-config");
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
var region = regions.Select(r => r.Metadata?.Name).OfType<string>().Order(StringComparer.Ordinal).First();

var prices = await client.Pricing.ListAsync(new PriceQuery { Regions = [region] });
Console.WriteLine($"Cheapest server classes in {region}:");
foreach (var item in prices.Take(3))
{
    Console.WriteLine($"  {item.Row.ClassName,-22} {item.Row.Cpu,3} vCPU {item.Row.MemoryGb,6} GB  market {Usd(item.Row.MarketPerHour)}/h");
}

var cheapest = prices.First(p => p.Row.MarketPerHour is not null && p.Row.IsAvailable).Row;
var bid = Math.Round(cheapest.MarketPerHour!.Value * 1.2m, 4);
var name = $"quickstart-{DateTime.UtcNow:HHmmss}";
Console.WriteLine($"Creating cloudspace {name} with 2 spot nodes of {cheapest.ClassName} (bid {Usd(bid)}/h) and 1 on-demand node...");
var created = await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(name, region)
{
    SpotPools = [new SpotNodePoolRequest(name, cheapest.ClassName, bid) { Desired = 2 }],
    OnDemandPools = [new OnDemandNodePoolRequest(name, cheapest.ClassName) { Desired = 1 }],
});
Console.WriteLine($"  created {created.SpotPools.Count} spot pool(s) and {created.OnDemandPools.Count} on-demand pool(s)");

var ready = await client.Cloudspaces.WaitUntilReadyAsync(name, TimeSpan.FromMinutes(30), new PhasePrinter());
Console.WriteLine($"Ready: API server at {ready.Status?.APIServerEndpoint}");

var kubeconfig = Path.Combine(workDir, "kubeconfig.yaml");
await client.Cloudspaces.WriteKubeconfigAsync(name, kubeconfig);
Console.WriteLine($"Kubeconfig written to {kubeconfig} (owner-only permissions)");

foreach (var pool in await client.SpotNodePools.ListAsync(name))
{
    Console.WriteLine($"  spot pool {pool.Metadata?.Name}: {pool.Status?.BidStatus} ({pool.Status?.WonCount ?? 0} won)");
}

Console.WriteLine($"Cleaning up {name}...");
await client.Cloudspaces.DeleteAsync(name);
Directory.Delete(workDir, recursive: true);
Console.WriteLine("Done.");
return 0;

static string Usd(decimal? value) => value is { } v ? "$" + v.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "unknown";

/// <summary>Prints each phase as it is reported (synchronously, so lines stay in order).</summary>
internal sealed class PhasePrinter : IProgress<string>
{
    public void Report(string value) => Console.WriteLine($"  phase: {value}");
}
