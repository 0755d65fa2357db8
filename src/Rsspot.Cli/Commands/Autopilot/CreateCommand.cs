using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Autopilot;

/// <summary><c>nodepools autopilot create</c>.</summary>
internal static class CreateCommand
{
    public static Command Create(CliSession s)
    {
        var cloudspace = AutopilotCommand.CloudspaceOption(required: true);
        var name = new Option<string?>("--name") { Description = "Pool name (a lower-case UUID or DNS label; default: a new UUID)" };
        var region = new Option<string?>("--region") { Description = "Region (default: the cloudspace's; any other is refused)" };
        var flags = new AutopilotFlags();
        var command = Cmd.New(
            "create",
            "Create an autopilot node pool: Spot fills --vcpu-total vCPUs with spot pools of the cheapest qualifying classes within --budget-per-hour\n\nExamples:\n  rsspot nodepools autopilot create --cloudspace demo --vcpu-total 8 --budget-per-hour 0.10\n  rsspot nodepools autopilot create --cloudspace demo --vcpu-total 16 --vcpu-per-node-min 4 --vcpu-per-node-max 8 --memory-per-vcpu 4 --budget-per-hour 0.25 --label team=batch --taint dedicated=batch:NoSchedule",
            [cloudspace, name, region, .. flags.All]);
        return command.Runs(s, async (p, ct) =>
        {
            var total = flags.Total(p) ?? throw new CliUsageException("--vcpu-total: an autopilot pool needs the vCPUs to fill, e.g. --vcpu-total 8.");
            var budget = flags.Budget(p) ?? throw new CliUsageException("--budget-per-hour: an autopilot pool needs an hourly budget in USD for the whole pool, e.g. --budget-per-hour 0.10.");
            var request = new AutopilotNodePoolRequest(p.GetValue(cloudspace)!, total, budget)
            {
                Name = p.GetValue(name),
                Region = p.GetValue(region),
                VcpuPerNode = flags.Range(p) ?? VcpuPerNodeRange.Any,
                MemoryPerVcpu = flags.Memory(p) ?? MemoryPerVcpu.Any,
                AllocationStrategy = flags.Strategy(p) ?? AutopilotAllocationStrategy.LowestPrice,
                MaxBudgetPerHour = flags.Ceiling(p),
                Labels = flags.ParseLabels(p),
                Annotations = flags.ParseAnnotations(p),
                Taints = flags.ParseTaints(p),
            };
            Generated.Api.Models.AutopilotNodePool pool;
            try
            {
                pool = await s.Client.AutopilotNodePools.CreateAsync(request, ct).ConfigureAwait(false);
            }
            catch (BudgetCeilingException refusal)
            {
                throw AutopilotFlags.Refusal(refusal);
            }

            s.Output.Write(new JsonShapes(() => JsonModels.ToNode(pool)), () => AutopilotTable.Of([AutopilotNodePoolSummary.From(pool)]));
        });
    }
}
