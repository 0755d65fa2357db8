namespace Rsspot.Pricing;

/// <summary>The least-squares slope of the last clearing prices: how much the price moves per auction.</summary>
internal static class MarketTrend
{
    public static decimal? PerAuction(IReadOnlyList<decimal> history, int points)
    {
        int n = Math.Min(points, history.Count);
        if (n < 2)
        {
            return null;
        }

        decimal meanX = (n - 1) / 2m;
        decimal meanY = 0m;
        for (int i = 0; i < n; i++)
        {
            meanY += history[history.Count - n + i];
        }

        meanY /= n;
        decimal numerator = 0m;
        decimal denominator = 0m;
        for (int i = 0; i < n; i++)
        {
            decimal dx = i - meanX;
            numerator += dx * (history[history.Count - n + i] - meanY);
            denominator += dx * dx;
        }

        return Math.Round(numerator / denominator, 6);
    }
}
