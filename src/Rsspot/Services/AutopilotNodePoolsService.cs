using Rsspot.Generated.Api.Models;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>
/// Autopilot node pools of the client's organization: pools defined by a vCPU target, bounds per node, memory per
/// vCPU and an hourly budget, which Spot fills with spot node pools of the cheapest qualifying classes and reports in
/// <c>status.allocations</c>. Every operation has an async and a blocking form.
/// </summary>
public class AutopilotNodePoolsService : SpotService
{
    private const string Group = "autopilotnodepools";
    private const string Noun = "autopilot node pool";

    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected AutopilotNodePoolsService()
    {
    }

    internal AutopilotNodePoolsService(SpotContext context)
        : base(context, Group)
    {
    }

    /// <summary>Autopilot pools of the organization, or of one cloudspace (selected by its <c>ngpc.rxt.io/cloudspace</c> label).</summary>
    /// <param name="cloudspace">A cloudspace name, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<AutopilotNodePool>> ListAsync(string? cloudspace = null, CancellationToken cancellationToken = default)
    {
        var selector = NodePoolSelectors.ForCloudspace(cloudspace);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var list = await CallAsync(
            $"list {Noun}s",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Autopilotnodepools.GetAsync(selector is null ? null : c => c.QueryParameters.LabelSelector = selector, ct),
            cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <summary>Blocking form of <see cref="ListAsync"/>.</summary>
    /// <param name="cloudspace">A cloudspace name, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual IReadOnlyList<AutopilotNodePool> List(string? cloudspace = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListAsync(cloudspace, cancellationToken), nameof(ListAsync));

    /// <summary><see cref="ListAsync"/> flattened to one row per pool, ordered by cloudspace and name.</summary>
    /// <param name="cloudspace">A cloudspace name, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<IReadOnlyList<AutopilotNodePoolSummary>> ListSummariesAsync(string? cloudspace = null, CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cloudspace, cancellationToken).ConfigureAwait(false)).Select(AutopilotNodePoolSummary.From)
            .OrderBy(p => p.Cloudspace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];

    /// <summary>Blocking form of <see cref="ListSummariesAsync"/>.</summary>
    /// <param name="cloudspace">A cloudspace name, or null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual IReadOnlyList<AutopilotNodePoolSummary> ListSummaries(string? cloudspace = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => ListSummariesAsync(cloudspace, cancellationToken), nameof(ListSummariesAsync));

    /// <summary>One autopilot pool by name, with what Spot allocated for it.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<AutopilotNodePool> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        AutopilotModels.EnsureName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync($"get {Noun} \"{name}\"", ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Autopilotnodepools[name].GetAsync(cancellationToken: ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingBody($"{Noun} \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="GetAsync"/>.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual AutopilotNodePool Get(string name, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => GetAsync(name, cancellationToken), nameof(GetAsync));

    /// <summary>
    /// Creates an autopilot pool in an existing cloudspace. The region is the cloudspace's (a different one is
    /// refused); the budget is refused above its <see cref="AutopilotBudgetCeiling"/>. Nothing is sent when a check fails.
    /// </summary>
    /// <param name="request">The new pool.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The request is invalid (nothing was sent).</exception>
    /// <exception cref="BudgetCeilingException">The budget is above the ceiling (nothing was sent).</exception>
    public virtual async Task<AutopilotNodePool> CreateAsync(AutopilotNodePoolRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Name is not null)
        {
            AutopilotModels.EnsureName(request.Name);
        }

        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var region = await AutopilotChecks.RegionAsync(Context, ns, request.Cloudspace, request.Region, cancellationToken).ConfigureAwait(false);
        await AutopilotChecks.EnsureCreateAsync(Context, request, region, cancellationToken).ConfigureAwait(false);
        var body = request.ToModel(ns, region);
        return await CallAsync(
            $"create {Noun} \"{body.Metadata!.Name}\" in cloudspace \"{request.Cloudspace}\"",
            ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Autopilotnodepools.PostAsync(body, cancellationToken: ct),
            cancellationToken).ConfigureAwait(false) ?? body;
    }

    /// <summary>Blocking form of <see cref="CreateAsync"/>.</summary>
    /// <param name="request">The new pool.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual AutopilotNodePool Create(AutopilotNodePoolRequest request, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => CreateAsync(request, cancellationToken), nameof(CreateAsync));

    /// <summary>Changes an autopilot pool with a merge patch of the set fields; a budget above the ceiling is refused (nothing sent).</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="BudgetCeilingException">The budget would be above the ceiling (nothing was sent).</exception>
    public virtual async Task<AutopilotNodePool> UpdateAsync(string name, AutopilotNodePoolUpdate update, CancellationToken cancellationToken = default)
    {
        AutopilotModels.EnsureName(name);
        ArgumentNullException.ThrowIfNull(update);
        var patch = update.ToPatch();
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        await AutopilotChecks.EnsureUpdateAsync(Context, ns, name, update, cancellationToken).ConfigureAwait(false);
        return await CallAsync($"update {Noun} \"{name}\"", ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Autopilotnodepools[name].PatchAsync(patch, cancellationToken: ct), cancellationToken).ConfigureAwait(false)
            ?? throw MissingBody($"{Noun} \"{name}\"");
    }

    /// <summary>Blocking form of <see cref="UpdateAsync"/>.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="update">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual AutopilotNodePool Update(string name, AutopilotNodePoolUpdate update, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => UpdateAsync(name, update, cancellationToken), nameof(UpdateAsync));

    /// <summary>Deletes an autopilot pool; Spot removes the spot node pools it made for it.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual async Task<Status?> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        AutopilotModels.EnsureName(name);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        return await CallAsync($"delete {Noun} \"{name}\"", ct => Context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Autopilotnodepools[name].DeleteAsync(cancellationToken: ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="DeleteAsync"/>.</summary>
    /// <param name="name">The pool name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Status? Delete(string name, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => DeleteAsync(name, cancellationToken), nameof(DeleteAsync));

    /// <summary>
    /// The budget ceiling of a pool of these bounds in a cloudspace's region (see <see cref="AutopilotBudgetCeiling"/>).
    /// Create and update apply it themselves; this reads it ahead.
    /// </summary>
    /// <param name="cloudspace">The cloudspace.</param>
    /// <param name="vcpuTotal">The vCPU target.</param>
    /// <param name="vcpuPerNode">Bounds of each node's vCPUs, or null for none.</param>
    /// <param name="memoryPerVcpu">GB of memory per vCPU.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public virtual async Task<AutopilotBudgetCeiling> GetBudgetCeilingAsync(string cloudspace, int vcpuTotal, VcpuPerNodeRange? vcpuPerNode = null, MemoryPerVcpu memoryPerVcpu = MemoryPerVcpu.Any, CancellationToken cancellationToken = default)
    {
        SpotNames.EnsureCloudspaceName(cloudspace, "cloudspace");
        AutopilotModels.EnsureVcpuTotal(vcpuTotal);
        var ns = await NamespaceAsync(cancellationToken).ConfigureAwait(false);
        var region = await AutopilotChecks.RegionAsync(Context, ns, cloudspace, null, cancellationToken).ConfigureAwait(false);
        return await AutopilotChecks.CeilingAsync(Context, region, vcpuTotal, vcpuPerNode ?? VcpuPerNodeRange.Any, memoryPerVcpu, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Blocking form of <see cref="GetBudgetCeilingAsync"/>.</summary>
    /// <param name="cloudspace">The cloudspace.</param>
    /// <param name="vcpuTotal">The vCPU target.</param>
    /// <param name="vcpuPerNode">Bounds of each node's vCPUs, or null for none.</param>
    /// <param name="memoryPerVcpu">GB of memory per vCPU.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public virtual AutopilotBudgetCeiling GetBudgetCeiling(string cloudspace, int vcpuTotal, VcpuPerNodeRange? vcpuPerNode = null, MemoryPerVcpu memoryPerVcpu = MemoryPerVcpu.Any, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(() => GetBudgetCeilingAsync(cloudspace, vcpuTotal, vcpuPerNode, memoryPerVcpu, cancellationToken), nameof(GetBudgetCeilingAsync));
}
