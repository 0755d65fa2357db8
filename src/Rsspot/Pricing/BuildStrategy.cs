namespace Rsspot.Pricing;

/// <summary>The scenarios the cluster builder proposes.</summary>
public enum BuildStrategy
{
    /// <summary>One pool of the class with the most capacity per node, the cheapest such candidate.</summary>
    MaxPerformance,

    /// <summary>One pool of the class with the most capacity per dollar of bid.</summary>
    MaxValue,

    /// <summary>Several pools (3/2/1 for low/med/high risk) ranked by capacity × capacity per dollar, spread over distinct classes and regions.</summary>
    Balanced,
}
