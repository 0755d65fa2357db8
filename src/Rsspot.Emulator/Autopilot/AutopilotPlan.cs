using Rsspot.Emulator.Catalog;

namespace Rsspot.Emulator.Autopilot;

/// <summary>The outcome of a planning pass: the classes to use and, for every class considered, why it was or was not used.</summary>
internal sealed record AutopilotPlan(IReadOnlyList<PlannedClass> Classes, IReadOnlyDictionary<string, string> Outcomes)
{
    public int Vcpus => Classes.Sum(c => c.Nodes * c.Class.Cpu);

    public decimal MarketCost => Classes.Sum(c => c.Market * c.Nodes);
}
