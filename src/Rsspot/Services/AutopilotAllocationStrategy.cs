namespace Rsspot.Services;

/// <summary>How Spot picks the server classes of an autopilot pool. The API accepts one strategy.</summary>
public enum AutopilotAllocationStrategy
{
    /// <summary>The cheapest qualifying classes first (<c>LowestPrice</c>, the API's default).</summary>
    LowestPrice = 0,
}
