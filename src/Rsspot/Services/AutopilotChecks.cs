using Rsspot.Generated.Api.Models;
using Rsspot.Pricing;

namespace Rsspot.Services;

/// <summary>
/// The checks every autopilot pool writer passes before its request: the region comes from the cloudspace (the API
/// refuses any other), and the budget stays under the pool's <see cref="AutopilotBudgetCeiling"/>.
/// </summary>
internal static class AutopilotChecks
{
    private const string Group = "autopilotnodepools";

    /// <summary>The cloudspace's region; refuses a cloudspace that does not exist or a region that differs from it.</summary>
    public static async Task<string> RegionAsync(SpotContext context, string ns, string cloudspace, string? requested, CancellationToken cancellationToken)
    {
        CloudSpace? found;
        try
        {
            found = await ApiCall.RunAsync(
                context,
                $"get cloudspace \"{cloudspace}\"",
                ct => context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Cloudspaces[cloudspace].GetAsync(cancellationToken: ct),
                cancellationToken,
                context.Operation("cloudspaces", "get")).ConfigureAwait(false);
        }
        catch (SpotApiException ex) when (ex.IsNotFound)
        {
            throw new ArgumentException($"Cloudspace '{cloudspace}' does not exist; nothing was sent. List them with `rsspot cloudspaces list`.", "cloudspace", ex);
        }

        var region = found?.Spec?.Region;
        if (string.IsNullOrEmpty(region))
        {
            throw new SpotException($"The Spot API's answer for cloudspace \"{cloudspace}\" names no region, so the autopilot pool's region cannot be known; nothing was sent.");
        }

        if (requested is { Length: > 0 } && !string.Equals(requested, region, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Region '{requested}' is invalid: cloudspace '{cloudspace}' is in {region}, and an autopilot pool must be in its cloudspace's region; nothing was sent.", "region");
        }

        return region;
    }

    /// <summary>The budget ceiling of a pool of these bounds in <paramref name="region"/>.</summary>
    public static async Task<AutopilotBudgetCeiling> CeilingAsync(SpotContext context, string region, int vcpuTotal, VcpuPerNodeRange range, MemoryPerVcpu memory, decimal? maxBudget, CancellationToken cancellationToken)
    {
        if (maxBudget is not null)
        {
            return AutopilotBudgetCeiling.For(vcpuTotal, [], maxBudget);
        }

        var list = await ApiCall.RunAsync(
            context,
            "list server classes",
            ct => context.Api.Apis.NgpcRxtIo.V1.Serverclasses.GetAsync(cancellationToken: ct),
            cancellationToken,
            context.Operation("serverclasses", "list")).ConfigureAwait(false);
        return AutopilotBudgetCeiling.For(vcpuTotal, Qualifying(list?.Items ?? [], region, range, memory));
    }

    /// <summary>Classes an autopilot pool of these bounds may use: spot classes of the region, available, of the right size and memory ratio.</summary>
    public static IEnumerable<(decimal Cpu, BidCeiling Ceiling)> Qualifying(IEnumerable<ServerClass> classes, string region, VcpuPerNodeRange range, MemoryPerVcpu memory)
    {
        foreach (var serverClass in classes)
        {
            var quote = PricingService.ToQuote(serverClass);
            if (!string.Equals(quote.Region, region, StringComparison.Ordinal)
                || !string.Equals(quote.Availability, "available", StringComparison.OrdinalIgnoreCase)
                || PriceText.ParseUsd(quote.MarketPricePerHour) is not decimal market
                || PriceText.ParseCpu(quote.Cpu) is not decimal cpu
                || PriceText.ParseMemoryGb(quote.Memory) is not decimal memoryGb
                || !range.Contains(cpu)
                || !MemoryPerVcpuText.Matches(memory, cpu, memoryGb))
            {
                continue;
            }

            yield return (cpu, BidCeiling.For(quote.Name, PriceRowFactory.OnDemandPerHour(quote), market));
        }
    }

    /// <summary>Refuses a budget above the ceiling of a new pool.</summary>
    public static async Task EnsureCreateAsync(SpotContext context, AutopilotNodePoolRequest request, string region, CancellationToken cancellationToken) =>
        (await CeilingAsync(context, region, request.VcpuTotal, request.VcpuPerNode, request.MemoryPerVcpu, request.MaxBudgetPerHour, cancellationToken).ConfigureAwait(false))
            .Ensure(request.BudgetPerHour);

    /// <summary>Refuses a change that puts the budget above the ceiling of the pool as it would be after the change.</summary>
    public static async Task EnsureUpdateAsync(SpotContext context, string ns, string name, AutopilotNodePoolUpdate update, CancellationToken cancellationToken)
    {
        if (!update.TouchesMoney)
        {
            return;
        }

        // The ceiling depends on the pool as it is now (past the cache): its region, target, bounds and budget.
        var pool = await ApiCall.RunAsync(
            context,
            $"get autopilot node pool \"{name}\"",
            ct => context.Api.Apis.NgpcRxtIo.V1.Namespaces[ns].Autopilotnodepools[name].GetAsync(c => c.Options.Add(Http.BypassCacheOption.Instance), ct),
            cancellationToken,
            context.Operation(Group, "get")).ConfigureAwait(false);
        var spec = pool?.Spec;
        var region = spec?.Region;
        var budget = update.BudgetPerHour ?? PriceText.ParseUsd(spec?.BudgetPerHour);
        var total = update.VcpuTotal ?? spec?.Vcpu?.Total;
        if (string.IsNullOrEmpty(region) || budget is null || total is null)
        {
            throw new SpotException($"The Spot API's answer for autopilot node pool \"{name}\" lacks its region, budget or vCPU target, so the budget's ceiling cannot be known; nothing was sent.");
        }

        var range = update.VcpuPerNode is { } changed
            ? new VcpuPerNodeRange(changed.Min ?? spec?.VcpuPerNode?.Min, changed.Max ?? spec?.VcpuPerNode?.Max)
            : new VcpuPerNodeRange(spec?.VcpuPerNode?.Min, spec?.VcpuPerNode?.Max);
        var memory = update.MemoryPerVcpu ?? (string.IsNullOrEmpty(spec?.MemoryPerVCPU) ? MemoryPerVcpu.Any : MemoryPerVcpuText.Parse(spec.MemoryPerVCPU));
        (await CeilingAsync(context, region, total.Value, range, memory, update.MaxBudgetPerHour, cancellationToken).ConfigureAwait(false)).Ensure(budget.Value);
    }
}
