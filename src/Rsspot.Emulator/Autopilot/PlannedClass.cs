using Rsspot.Emulator.Catalog;

namespace Rsspot.Emulator.Autopilot;

/// <summary>One class in a plan: how many nodes of it, at which bid per node-hour.</summary>
internal sealed record PlannedClass(ServerClassInfo Class, int Nodes, decimal Bid, decimal Market)
{
    public decimal Cost => Bid * Nodes;
}
