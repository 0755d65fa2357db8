using System.Text.Json.Nodes;
using Rsspot.Services;

namespace Rsspot.Tests.Support;

/// <summary>One SDK call per operation group and method, for driving a client against a <see cref="HostileServer"/>.</summary>
public static class HostileOperations
{
    private const string ServerClass = "gp.vs1.medium-dfw";
    private const string PoolName = "3f1c2a9e-0b7d-4c55-9a51-6f1a2b3c4d5e";

    public static IReadOnlyDictionary<string, Func<SpotClient, Task>> All { get; } = new Dictionary<string, Func<SpotClient, Task>>
    {
        ["organizations list"] = c => c.Organizations.ListAsync(),
        ["regions list"] = c => c.Regions.ListAsync(),
        ["regions get"] = c => c.Regions.GetAsync("us-central-dfw-1"),
        ["server-classes list"] = c => c.ServerClasses.ListAsync(),
        ["server-classes get"] = c => c.ServerClasses.GetAsync(ServerClass),
        ["pricing list"] = c => c.Pricing.ListAsync(),
        ["pricing history (price document)"] = c => c.Pricing.GetHistoryAsync(ServerClass),
        ["cloudspaces list"] = c => c.Cloudspaces.ListAsync(),
        ["cloudspaces get"] = c => c.Cloudspaces.GetAsync("hostile"),
        ["cloudspaces create"] = c => c.Cloudspaces.CreateAsync(new CloudspaceCreateRequest("hostile", "us-central-dfw-1")),
        ["cloudspaces update"] = c => c.Cloudspaces.UpdateAsync("hostile", new CloudspaceUpdate { Webhook = "https://hooks.example/x" }),
        ["cloudspaces delete"] = c => c.Cloudspaces.DeleteAsync("hostile"),
        ["cloudspaces kubeconfig"] = c => c.Cloudspaces.GetKubeconfigAsync("hostile"),
        ["spot pools list"] = c => c.SpotNodePools.ListAsync(),
        ["spot pools get"] = c => c.SpotNodePools.GetAsync(PoolName),
        ["spot pools create"] = c => c.SpotNodePools.CreateAsync(new SpotNodePoolRequest("hostile", ServerClass, 0.08m) { Name = PoolName }),
        ["spot pools delete"] = c => c.SpotNodePools.DeleteAsync(PoolName),
        ["on-demand pools list"] = c => c.OnDemandNodePools.ListAsync(),
        ["on-demand pools create"] = c => c.OnDemandNodePools.CreateAsync(new OnDemandNodePoolRequest("hostile", ServerClass) { Name = PoolName }),
        ["on-demand pools delete"] = c => c.OnDemandNodePools.DeleteAsync(PoolName),
        ["inventory vm cloudspaces"] = c => c.Inventory.ListVmCloudspacesAsync(),
        ["inventory events"] = c => c.Inventory.ListEventsAsync(),
        ["raw GET"] = c => c.Raw.SendAsync("GET", "/apis/ngpc.rxt.io/v1/regions"),
        ["raw POST"] = c => c.Raw.SendAsync("POST", "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces", body: new JsonObject { ["metadata"] = new JsonObject { ["name"] = "raw" } }),
        ["raw DELETE"] = c => c.Raw.SendAsync("DELETE", "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces/hostile"),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Keys)
        {
            data.Add(name);
        }

        return data;
    }
}
