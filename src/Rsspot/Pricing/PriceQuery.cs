namespace Rsspot.Pricing;

/// <summary>Filters and a node multiplier for a price listing. Empty filters match everything.</summary>
public sealed record PriceQuery
{
    /// <summary>Region names (or sites such as <c>dfw</c>) to keep.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>Class families (<c>gp</c>, <c>ch</c>, <c>mh</c>, …) or categories to keep.</summary>
    public IReadOnlyList<string>? Families { get; init; }

    /// <summary>Generations to keep, as tokens (<c>vs2</c>) or numbers (<c>2</c>).</summary>
    public IReadOnlyList<string>? Generations { get; init; }

    /// <summary>Smallest vCPU count per node; rows with unknown CPU are dropped when set.</summary>
    public decimal? MinVcpu { get; init; }

    /// <summary>Largest vCPU count per node; rows with unknown CPU are dropped when set.</summary>
    public decimal? MaxVcpu { get; init; }

    /// <summary>Only classes whose availability reads as available (or is unknown); false lists deprecated ones too.</summary>
    public bool AvailableOnly { get; init; }

    /// <summary>Number of nodes the prices are multiplied by (at least 1).</summary>
    public int Nodes { get; init; } = 1;
}
