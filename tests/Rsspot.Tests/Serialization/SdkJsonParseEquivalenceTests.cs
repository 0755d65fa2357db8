using Microsoft.Kiota.Abstractions.Serialization;
using Rsspot.Generated.Api.Models;
using Rsspot.Services;
using Rsspot.Tests.Support;
using ApiModels = Rsspot.Generated.Api.Models;
using OAuthModels = Rsspot.Generated.OAuth.Models;
using PriceModels = Rsspot.Generated.PriceData.Models;

namespace Rsspot.Tests.Serialization;

/// <summary>
/// The SDK reads JSON answers with its own parse node (Rsspot.Serialization). Over real HTTP against the emulator, every
/// list and get the services expose must give the generated models Kiota's default JsonParseNodeFactory builds from
/// the same bytes: compared as written back by Kiota's JsonSerializationWriter.
/// </summary>
public sealed class SdkJsonParseEquivalenceTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private const string Region = "us-central-dfw-1";
    private const string ServerClass = "gp.vs1.medium-dfw";

    [Fact]
    public async Task Every_list_and_get_of_the_services_gives_the_models_Kiota_builds_from_the_same_bytes()
    {
        using var recorder = new RecordingTransport();
        using var client = fixture.Client(o => o with { Transport = recorder, NoCache = true });
        const string name = "parse-equivalence";
        var created = await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(name, Region)
        {
            SpotPools = [new SpotNodePoolRequest(name, ServerClass, BidPrice.Parse("0.08")) { Desired = 2, Labels = new Dictionary<string, string> { ["tier"] = "batch" } }],
            OnDemandPools = [new OnDemandNodePoolRequest(name, ServerClass) { Desired = 1 }],
        });
        var spotName = Assert.Single(created.SpotPools).Metadata!.Name!;
        var onDemandName = Assert.Single(created.OnDemandPools).Metadata!.Name!;
        recorder.Take();

        await AssertListAsync(recorder, await client.Organizations.ListAsync(), OrganizationList.CreateFromDiscriminatorValue, l => l.Organizations);
        await AssertListAsync(recorder, await client.Regions.ListAsync(), RegionList.CreateFromDiscriminatorValue, l => l.Items);
        await AssertOneAsync(recorder, await client.Regions.GetAsync(Region), ApiModels.Region.CreateFromDiscriminatorValue);
        await AssertListAsync(recorder, await client.ServerClasses.ListAsync(), ServerClassList.CreateFromDiscriminatorValue, l => l.Items);
        await AssertOneAsync(recorder, await client.ServerClasses.GetAsync(ServerClass), ApiModels.ServerClass.CreateFromDiscriminatorValue);
        await AssertListAsync(recorder, await client.Cloudspaces.ListAsync(), CloudSpaceList.CreateFromDiscriminatorValue, l => l.Items);
        await AssertOneAsync(recorder, await client.Cloudspaces.GetAsync(name), CloudSpace.CreateFromDiscriminatorValue);
        await AssertListAsync(recorder, await client.SpotNodePools.ListAsync(name), SpotNodePoolList.CreateFromDiscriminatorValue, l => l.Items);
        await AssertOneAsync(recorder, await client.SpotNodePools.GetAsync(spotName), SpotNodePool.CreateFromDiscriminatorValue);
        await AssertListAsync(recorder, await client.OnDemandNodePools.ListAsync(name), OnDemandNodePoolList.CreateFromDiscriminatorValue, l => l.Items);
        await AssertOneAsync(recorder, await client.OnDemandNodePools.GetAsync(onDemandName), OnDemandNodePool.CreateFromDiscriminatorValue);
        await AssertListAsync(recorder, await client.Inventory.ListVmCloudspacesAsync(), VmCloudSpaceList.CreateFromDiscriminatorValue, l => l.Items);
        await AssertListAsync(recorder, await client.Inventory.ListVmPoolsAsync(), VmPoolList.CreateFromDiscriminatorValue, l => l.Items);
        await AssertOneAsync(recorder, (await client.Api.Apis.MetricsNgpcRxtIo.V1.Events.Organizations.GetAsync())!, OrganizationEvents.CreateFromDiscriminatorValue);
    }

    [Fact]
    public async Task Every_JSON_answer_of_a_session_parses_alike_with_both_parse_nodes()
    {
        // Also the answers the services map to their own types: token exchange, price documents, events, writes.
        using var recorder = new RecordingTransport();
        using var client = fixture.Client(o => o with { Transport = recorder, NoCache = true });
        const string name = "parse-session";
        await client.Cloudspaces.CreateAsync(new CloudspaceCreateRequest(name, Region)
        {
            SpotPools = [new SpotNodePoolRequest(name, ServerClass, BidPrice.Parse("0.08")) { Desired = 1 }],
        });
        await client.Pricing.GetCatalogAsync();
        await client.Pricing.GetHistoryAsync(ServerClass);
        await client.Inventory.ListEventsAsync();
        await client.Cloudspaces.UpdateAsync(name, new CloudspaceUpdate { Webhook = "https://hooks.example.test/x" });
        await client.Cloudspaces.DeleteAsync(name);

        var checkedPaths = new HashSet<string>();
        foreach (var (path, body) in recorder.Take())
        {
            if (await CompareAsync(path, body))
            {
                checkedPaths.Add(path.Split('/').Last());
            }
        }

        Assert.Superset(new HashSet<string> { "token", "percentiles.json", "comparable_prices.json", "organizations", "cloudspaces", name, ServerClass }, checkedPaths);
    }

    private static async Task AssertListAsync<TList, TItem>(
        RecordingTransport recorder, IReadOnlyList<TItem> actual, ParsableFactory<TList> factory, Func<TList, List<TItem>?> items)
        where TList : IParsable
        where TItem : IParsable
    {
        var expected = new List<TItem>();
        foreach (var (_, body) in recorder.Take())
        {
            expected.AddRange(items(await KiotaJson.ParseWithKiotaAsync(body, factory)) ?? []);
        }

        // Services may order a list (server classes by name): the same models, in any order.
        Assert.NotEmpty(actual);
        Assert.Equal(expected.Select(i => KiotaJson.Write(i)).Order(StringComparer.Ordinal), actual.Select(i => KiotaJson.Write(i)).Order(StringComparer.Ordinal));
    }

    private static async Task AssertOneAsync<T>(RecordingTransport recorder, T actual, ParsableFactory<T> factory)
        where T : IParsable
    {
        var (_, body) = Assert.Single(recorder.Take());
        Assert.Equal(KiotaJson.Write(await KiotaJson.ParseWithKiotaAsync(body, factory)), KiotaJson.Write(actual));
    }

    /// <returns>Whether the path is one with a known model (and was compared).</returns>
    private static async Task<bool> CompareAsync(string path, byte[] body)
    {
        var segments = path.Trim('/').Split('/');
        if (IsStatus(body))
        {
            // A delete answers a Kubernetes Status, whatever the path names.
            return await SameAsync(body, ApiModels.Status.CreateFromDiscriminatorValue);
        }

        return segments switch
        {
            ["oauth", "token"] => await SameAsync(body, OAuthModels.TokenResponse.CreateFromDiscriminatorValue),
            ["percentiles.json"] => await SameAsync(body, PriceModels.PricePercentiles.CreateFromDiscriminatorValue),
            ["comparable_prices.json"] => await SameAsync(body, PriceModels.ComparablePrices.CreateFromDiscriminatorValue),
            ["history", _] => await SameAsync(body, PriceModels.PriceHistory.CreateFromDiscriminatorValue),
            [.., "organizations"] when segments[1].StartsWith("auth", StringComparison.Ordinal) => await SameAsync(body, OrganizationList.CreateFromDiscriminatorValue),
            [.., "events", "organizations"] => await SameAsync(body, OrganizationEvents.CreateFromDiscriminatorValue),
            [.., "regions"] => await SameAsync(body, RegionList.CreateFromDiscriminatorValue),
            [.., "serverclasses"] => await SameAsync(body, ServerClassList.CreateFromDiscriminatorValue),
            [.., "serverclasses", _] => await SameAsync(body, ApiModels.ServerClass.CreateFromDiscriminatorValue),
            [.., "cloudspaces"] => await SameAsync(body, CloudSpaceList.CreateFromDiscriminatorValue),
            [.., "cloudspaces", _] => await SameAsync(body, CloudSpace.CreateFromDiscriminatorValue),
            [.., "spotnodepools"] => await SameAsync(body, SpotNodePoolList.CreateFromDiscriminatorValue),
            [.., "spotnodepools", _] => await SameAsync(body, SpotNodePool.CreateFromDiscriminatorValue),
            [.., "ondemandnodepools"] => await SameAsync(body, OnDemandNodePoolList.CreateFromDiscriminatorValue),
            [.., "ondemandnodepools", _] => await SameAsync(body, OnDemandNodePool.CreateFromDiscriminatorValue),
            _ => false,
        };
    }

    private static bool IsStatus(byte[] body)
    {
        using var document = System.Text.Json.JsonDocument.Parse(body);
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
            && document.RootElement.TryGetProperty("kind", out var kind)
            && kind.ValueKind == System.Text.Json.JsonValueKind.String
            && kind.GetString() == "Status";
    }

    private static async Task<bool> SameAsync<T>(byte[] body, ParsableFactory<T> factory)
        where T : IParsable
    {
        var kiota = await KiotaJson.ParseWithKiotaAsync(body, factory);
        var sdk = await KiotaJson.ParseWithSdkAsync(body, factory);
        Assert.Equal(KiotaJson.Write(kiota), KiotaJson.Write(sdk));
        if (kiota is IAdditionalDataHolder holder)
        {
            Assert.Equal(KiotaJson.AdditionalDataTypes(holder), KiotaJson.AdditionalDataTypes((IAdditionalDataHolder)sdk));
        }

        return true;
    }
}
