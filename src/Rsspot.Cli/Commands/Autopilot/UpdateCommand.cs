using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Autopilot;

/// <summary><c>nodepools autopilot update</c>: a merge patch of the given fields.</summary>
internal static class UpdateCommand
{
    public static Command Create(CliSession s)
    {
        var name = AutopilotCommand.PoolName();
        var flags = new AutopilotFlags();
        return Cmd.New(
            "update",
            "Change an autopilot node pool (only the given fields; the region and cloudspace cannot change)\n\nExamples:\n  rsspot nodepools autopilot update 6f1c2d3e-1111-4a2b-9c3d-123456789abc --vcpu-total 16 --budget-per-hour 0.20\n  rsspot nodepools autopilot update 6f1c2d3e-1111-4a2b-9c3d-123456789abc --memory-per-vcpu 8 --label team=batch",
            [.. name.Symbols, .. flags.All]).Runs(s, async (p, ct) =>
        {
            var update = new AutopilotNodePoolUpdate
            {
                VcpuTotal = flags.Total(p),
                VcpuPerNode = flags.Range(p),
                MemoryPerVcpu = flags.Memory(p),
                BudgetPerHour = flags.Budget(p),
                MaxBudgetPerHour = flags.Ceiling(p),
                AllocationStrategy = flags.Strategy(p),
                Labels = flags.ParseLabels(p),
                Annotations = flags.ParseAnnotations(p),
                Taints = flags.ParseTaints(p),
            };
            Generated.Api.Models.AutopilotNodePool pool;
            try
            {
                pool = await s.Client.AutopilotNodePools.UpdateAsync(name.Get(p), update, ct).ConfigureAwait(false);
            }
            catch (BudgetCeilingException refusal)
            {
                throw AutopilotFlags.Refusal(refusal);
            }

            s.Output.Write(new JsonShapes(() => JsonModels.ToNode(pool)), () => AutopilotTable.Of([AutopilotNodePoolSummary.From(pool)]));
        });
    }
}
