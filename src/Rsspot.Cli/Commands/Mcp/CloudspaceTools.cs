using Rsspot.Services;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Read tools for cloudspaces (clusters): list, get with its pools, wait until Ready.</summary>
internal static class CloudspaceTools
{
    private const int DefaultWaitSeconds = 120;
    private const int MaxWaitSeconds = 900;

    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Read(
            "list_cloudspaces",
            "List the cloudspaces (Kubernetes clusters) of the organization: name, region, phase, Kubernetes version, HA control plane, created at. Use it to find a cloudspace's name or see which are Ready.",
            new ToolSchema().String("label_selector", "Kubernetes label selector, e.g. env=prod.").Paged(),
            Shape.Page(CloudspaceResults.Schema()),
            async (call, ct) =>
            {
                var cloudspaces = await call.Client.Cloudspaces.ListAsync(call.String("label_selector"), ct).ConfigureAwait(false);
                return ToolResults.Page(call, cloudspaces.Select(CloudspaceResults.From), "cloudspaces");
            }),
        McpTool.Read(
            "get_cloudspace",
            "One cloudspace with its spot pools (class, desired nodes, bid, won nodes) and on-demand pools; kubernetes_version is the version it runs. Never returns the kubeconfig. Use it to inspect a cluster before changing its pools or bids.",
            NameSchema(),
            CloudspaceResults.WithPoolsSchema(),
            async (call, ct) =>
            {
                var name = call.RequiredString("name");
                var json = CloudspaceResults.From(await call.Client.Cloudspaces.GetAsync(name, ct).ConfigureAwait(false));
                json["spot_pools"] = Json.List((await call.Client.SpotNodePools.ListSummariesAsync(name, ct).ConfigureAwait(false)).Select(PoolResults.Spot));
                json["on_demand_pools"] = Json.List((await call.Client.OnDemandNodePools.ListSummariesAsync(name, ct).ConfigureAwait(false)).Select(PoolResults.OnDemand));
                return json;
            }),
        McpTool.Read(
            "wait_for_cloudspace",
            $"Wait until a cloudspace is Ready (polling, up to timeout_seconds, default {DefaultWaitSeconds}) and return it. Use it after creating a cloudspace; send a progressToken to get a progress notification every few seconds with the phase it is in. A timeout is an error that names that phase.",
            NameSchema().Integer("timeout_seconds", $"Give up after this many seconds (default {DefaultWaitSeconds}, max {MaxWaitSeconds}).", 1, MaxWaitSeconds),
            CloudspaceResults.Schema(),
            async (call, ct) =>
            {
                var timeout = TimeSpan.FromSeconds(call.Int("timeout_seconds") ?? DefaultWaitSeconds);
                var ready = await call.Client.Cloudspaces.WaitUntilReadyAsync(call.RequiredString("name"), timeout, new PhaseReport(call.Progress), ct).ConfigureAwait(false);
                return CloudspaceResults.From(ready);
            }),
    ];

    internal static ToolSchema NameSchema() => new ToolSchema().Cloudspace("name", "Cloudspace name.", required: true);

    /// <summary>Passes the phases the SDK sees on to the call's progress, at once (not through a synchronization context).</summary>
    private sealed class PhaseReport(IProgress<string> progress) : IProgress<string>
    {
        public void Report(string value) => progress.Report($"phase {value}");
    }
}
