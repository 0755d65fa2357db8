namespace Rsspot.Pricing;

/// <summary>Builds one <see cref="PriceRow"/> from the sources that mention a (region, class) pair.</summary>
internal static class PriceRowFactory
{
    public static PriceRow Create(RowKey key, ServerClassQuote? server, PercentileQuote? percentiles, ComparableQuote? comparables)
    {
        // Names come from the quotes, not the key, so their spelling does not depend on which source was indexed first.
        string className = RowKey.Of(null, server?.Name ?? percentiles?.ClassName ?? comparables?.ClassName ?? key.ClassName).ClassName;
        string region = FirstNonBlank(server?.Region, percentiles?.Region, comparables?.Region) ?? key.Region;
        ServerClassName name = ServerClassName.Parse(className);
        (string? cpuRaw, decimal? cpu) = Pick(server?.Cpu, percentiles?.Cpu, PriceText.ParseCpu);
        (string? memoryRaw, decimal? memory) = Pick(server?.Memory, percentiles?.Memory, PriceText.ParseMemoryGb);
        (string? marketRaw, decimal? market) = Pick(server?.MarketPricePerHour, percentiles?.MarketPrice, PriceText.ParseUsd);

        return new PriceRow
        {
            ClassName = className,
            Region = region,
            Name = name,
            Sources = (server is null ? PriceSources.None : PriceSources.ServerClass)
                | (percentiles is null ? PriceSources.None : PriceSources.Percentiles)
                | (comparables is null ? PriceSources.None : PriceSources.Comparables),
            DisplayName = FirstNonBlank(server?.DisplayName, percentiles?.DisplayName),
            Category = FirstNonBlank(server?.Category, percentiles?.Category),
            Availability = NullIfBlank(server?.Availability),
            Generation = FirstNonBlank(name.Generation, server?.Generation, percentiles?.Generation),
            CpuRaw = cpuRaw,
            Cpu = cpu,
            MemoryRaw = memoryRaw,
            MemoryGb = memory,
            MarketRaw = marketRaw,
            MarketPerHour = market,
            HammerRaw = server?.HammerPricePerHour,
            HammerPerHour = PriceText.ParseUsd(server?.HammerPricePerHour),
            OnDemandRaw = OnDemandText(server),
            OnDemandPerHour = OnDemandPerHour(server),
            MinimumBidRaw = server?.MinimumBidPrice,
            MinimumBidPerHour = PriceText.ParseUsd(server?.MinimumBidPrice),
            P20 = Positive(percentiles?.P20),
            P50 = Positive(percentiles?.P50),
            P80 = Positive(percentiles?.P80),
            HyperscalerAverageRaw = comparables?.HyperscalerAveragePrice,
            HyperscalerAverage = PriceText.ParseUsd(comparables?.HyperscalerAveragePrice),
            Comparables = comparables?.Comparables ?? [],
        };
    }

    private static (string? Raw, decimal? Value) Pick(string? primary, string? fallback, Func<string?, decimal?> parse)
    {
        decimal? value = parse(primary);
        if (value is not null)
        {
            return (primary, value);
        }

        value = parse(fallback);
        return value is not null ? (fallback, value) : (FirstNonBlank(primary, fallback) ?? primary ?? fallback, null);
    }

    private static string? OnDemandText(ServerClassQuote? server)
    {
        if (server?.OnDemandCost is null)
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(server.OnDemandInterval)
            ? server.OnDemandCost
            : server.OnDemandCost + "/" + server.OnDemandInterval.Trim();
    }

    internal static decimal? OnDemandPerHour(ServerClassQuote? server)
    {
        decimal? cost = PriceText.ParseUsd(server?.OnDemandCost);
        string interval = server?.OnDemandInterval?.Trim() ?? string.Empty;
        bool monthly = interval.StartsWith("month", StringComparison.OrdinalIgnoreCase)
            || interval.Equals("mo", StringComparison.OrdinalIgnoreCase);
        return monthly && cost is not null ? Math.Round(cost.Value / ClusterCost.HoursPerMonth, 6) : cost;
    }

    private static decimal? Positive(decimal? value) => value > 0m ? value : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? FirstNonBlank(params string?[] texts)
    {
        foreach (string? text in texts)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text.Trim();
            }
        }

        return null;
    }
}
