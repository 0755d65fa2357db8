using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Compat;

/// <summary>
/// Every command the Python rsspot has, run piped as its users run it (no -o; -o json for pricing list/build, which
/// print tables otherwise), against the emulator: the JSON has the Python's shape as it printed it against a test
/// server (Compat/PythonOutput/*.json): key paths, container types and how prices, timestamps and empty maps are written.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PythonOutputShapeTests(PythonShapeFixture cli) : IClassFixture<PythonShapeFixture>
{
    private const string SpotPool = PythonShapeFixture.SpotPool;
    private const string DoomedPool = PythonShapeFixture.DoomedPool;

    public static TheoryData<string, string[]> Commands => new()
    {
        { "regions-list", ["regions", "list"] },
        { "regions-get", ["regions", "get", "us-central-dfw-1"] },
        { "server-classes-list", ["server-classes", "list"] },
        { "server-classes-get", ["server-classes", "get", "gp.vs1.medium-dfw"] },
        { "organizations-list", ["organizations", "list"] },
        { "organizations-get", ["organizations", "get", "{org}"] },
        { "pricing-list", ["-o", "json", "pricing", "list", "--nodes", "3"] },
        { "pricing-get", ["pricing", "get", "gp.vs1.medium-dfw"] },
        { "pricing-build", ["-o", "json", "pricing", "build", "--nodes", "3"] },
        { "cloudspaces-list", ["cloudspaces", "list"] },
        { "cloudspaces-get", ["cloudspaces", "get", "demo"] },
        { "nodepools-spot-list", ["nodepools", "spot", "list", "--cloudspace", "demo"] },
        { "nodepools-spot-get", ["nodepools", "spot", "get", SpotPool] },
        { "nodepools-ondemand-list", ["nodepools", "ondemand", "list"] },
        { "inventory-vmcloudspaces", ["inventory", "vmcloudspaces"] },
        { "inventory-events", ["inventory", "events", "--limit", "2"] },
        { "config-info", ["config", "info"] },
        { "profiles-list", ["profiles", "list"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Piped_output_has_the_Python_rsspots_shape(string reference, string[] args)
    {
        var result = await cli.RunAsync([.. args.Select(a => a == "{org}" ? cli.Emulator.OrganizationName : a)]);
        Assert.True(result.ExitCode == 0, result.ToString());
        ShapeAssert.Matches(Reference(reference), result.Json);
        Assert.DoesNotContain("+00:00", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_and_deletes_print_the_apis_object_and_status()
    {
        var update = await cli.RunAsync("nodepools", "spot", "update", "--name", SpotPool, "--cloudspace", "demo", "--server-class", "gp.vs1.medium-dfw", "--bid-price", "0.025", "--desired", "3");
        Assert.True(update.ExitCode == 0, update.ToString());
        ShapeAssert.Matches(Reference("nodepools-spot-update"), update.Json);
        Assert.Equal("0.025", update.Json["spec"]!["bidPrice"]!.GetValue<string>());

        var poolDeleted = await cli.RunAsync("nodepools", "spot", "delete", DoomedPool);
        Assert.True(poolDeleted.ExitCode == 0, poolDeleted.ToString());
        ShapeAssert.Matches(Reference("nodepools-spot-delete"), poolDeleted.Json);

        var cloudspaceDeleted = await cli.RunAsync("cloudspaces", "delete", "doomed");
        Assert.True(cloudspaceDeleted.ExitCode == 0, cloudspaceDeleted.ToString());
        ShapeAssert.Matches(Reference("cloudspaces-delete"), cloudspaceDeleted.Json);
        Assert.Equal("Status", cloudspaceDeleted.Json["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Prices_are_the_apis_text_with_a_dollar_and_empty_maps_are_kept()
    {
        var classes = (await cli.RunAsync("server-classes", "list")).Json.AsArray();
        using var sdk = cli.SdkClient();
        var medium = await sdk.ServerClasses.GetAsync("gp.vs1.medium-dfw");
        var row = classes.Single(c => c!["name"]!.GetValue<string>() == "gp.vs1.medium-dfw")!;
        Assert.Equal("$" + medium.Status!.SpotPricing!.MarketPricePerHour, row["market_price_per_hour"]!.GetValue<string>());

        var pools = await cli.RunAsync("nodepools", "spot", "list", "--cloudspace", "demo");
        var spec = pools.Json["items"]![0]!["spec"]!;
        Assert.Equal("{}", spec["customLabels"]!.ToJsonString());
        Assert.Equal("[]", spec["customTaints"]!.ToJsonString());
        Assert.Contains("\"customAnnotations\": {}", pools.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pricing_list_and_build_print_tables_unless_a_format_is_asked_for()
    {
        var list = await cli.RunAsync("pricing", "list");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.StartsWith("CLASS", list.Stdout, StringComparison.Ordinal);
        var build = await cli.RunAsync("pricing", "build", "--nodes", "3");
        Assert.StartsWith("SCENARIO", build.Stdout, StringComparison.Ordinal);
        var yaml = await cli.RunAsync("-o", "yaml", "pricing", "list");
        Assert.StartsWith("nodes: 1", yaml.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_keeps_this_tools_own_shapes()
    {
        var flag = await cli.RunAsync("regions", "list", "--raw");
        Assert.All(flag.Json.AsArray(), r => Assert.Equal("Region", r!["kind"]!.GetValue<string>()));
        var environment = await CliRunner.RunAsync(new Dictionary<string, string>(cli.Environment) { ["RSSPOT_OUTPUT_SHAPE"] = "raw" }, null, "cloudspaces", "list");
        Assert.IsType<JsonArray>(environment.Json);
        var bad = await CliRunner.RunAsync(new Dictionary<string, string>(cli.Environment) { ["RSSPOT_OUTPUT_SHAPE"] = "xml" }, null, "regions", "list");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("RSSPOT_OUTPUT_SHAPE", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spotctl_spellings_print_spotctls_shapes()
    {
        var classes = await cli.RunAsync("sc", "list");
        var first = classes.Json["serverClasses"]![0]!;
        Assert.StartsWith("$", first["currentMarketPricePerHour"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(first["resources"]!["cpu"]);

        var region = await cli.RunAsync("regions", "get", "--name", "us-central-dfw-1");
        Assert.Equal(["name", "description"], region.Json.AsObject().Select(kv => kv.Key));

        var price = await cli.RunAsync("pricing", "get", "--serverclass", "gp.vs1.medium-dfw");
        Assert.StartsWith("$", price.Json["currentMarketPrice"]!.GetValue<string>(), StringComparison.Ordinal);

        var pools = (await cli.RunAsync("np", "spot", "list", "--cloudspace", "demo")).Json.AsArray();
        var pool = pools.Single(p => p!["name"]!.GetValue<string>() == SpotPool)!;
        Assert.Equal("demo", pool["cloudspace"]!.GetValue<string>());
        Assert.Equal(cli.Emulator.OrganizationName, pool["org"]!.GetValue<string>());
        Assert.Matches(@"Z$", pool["creationTimestamp"]!.GetValue<string>());

        var cloudspaces = (await cli.RunAsync("cs", "list")).Json.AsArray();
        Assert.Contains(cloudspaces, c => c!["name"]!.GetValue<string>() == "demo" && c["status"] is not null);
    }

    private static JsonNode Reference(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "tests", "Rsspot.Cli.Tests", "Compat", "PythonOutput", name + ".json")))!;
}
