using Rsspot.Pricing;

using static Rsspot.Tests.Pricing.TestCatalogs;

namespace Rsspot.Tests.Pricing;

public class BidPolicyTests
{
    [Theory]
    [InlineData(RiskLevel.Low, "0.041")] // 0.030 × 1.35 = 0.0405, rounded up to the 0.001 step
    [InlineData(RiskLevel.Medium, "0.036")] // 0.030 × 1.20
    [InlineData(RiskLevel.High, "0.032")] // 0.0315 rounded up
    public void The_documented_rule_bids_the_risks_multiple_of_the_market_even_with_percentiles(RiskLevel risk, string expected)
    {
        PriceRow row = Standard().Find("gp.vs1.large-dfw", Dfw)!;

        SuggestedBid bid = BidPolicy.Suggest(row, risk)!;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), bid.PerNodeHour);
        Assert.Equal(BidSource.MarketMultiplier, bid.Source);
        Assert.Contains($"risk {risk.ToShortName()}", bid.Basis, StringComparison.Ordinal);
        Assert.Equal(bid.PerNodeHour, BidPolicy.Suggest(row, risk, BidPolicyKind.Market)!.PerNodeHour);
    }

    [Theory]
    [InlineData(RiskLevel.Low, "0.040")]
    [InlineData(RiskLevel.Medium, "0.032")]
    [InlineData(RiskLevel.High, "0.032")] // the 20th percentile (0.025) is below market × 1.05 (0.0315): floored, rounded up
    public void The_percentile_rule_follows_the_risk_and_never_bids_below_market_times_1_05(RiskLevel risk, string expected)
    {
        PriceRow row = Standard().Find("gp.vs1.large-dfw", Dfw)!;

        SuggestedBid bid = BidPolicy.Suggest(row, risk, BidPolicyKind.Percentile)!;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), bid.PerNodeHour);
        Assert.Equal(BidSource.Percentile, bid.Source);
        Assert.True(bid.PerNodeHour >= row.MarketPerHour * BidPolicy.AtRiskMultiplier);
    }

    [Theory]
    [InlineData(RiskLevel.Low, "0.013")] // 0.009 × 1.35 = 0.01215, rounded up to three decimals
    [InlineData(RiskLevel.Medium, "0.011")] // 0.0108
    [InlineData(RiskLevel.High, "0.010")] // 0.00945 rounded up
    public void Without_percentile_data_the_percentile_rule_falls_back_to_the_multiplier_and_says_so(RiskLevel risk, string expected)
    {
        PriceRow row = Standard().Find("gp.vs1.medium-lon", Lon)!;

        SuggestedBid bid = BidPolicy.Suggest(row, risk, BidPolicyKind.Percentile)!;

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), bid.PerNodeHour);
        Assert.Equal(BidSource.MarketMultiplier, bid.Source);
        Assert.Contains("no percentile data for gp.vs1.medium-lon in uk-lon-1", bid.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0414", "0.042", "0.041")]
    [InlineData("0.0345", "0.035", "0.034")]
    [InlineData("0.042", "0.042", "0.042")]
    public void Rounding_to_the_apis_step_is_public(string value, string up, string down)
    {
        static decimal D(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(D(up), Rsspot.Services.BidPrice.RoundUp(D(value)));
        Assert.Equal(D(down), Rsspot.Services.BidPrice.RoundDown(D(value)));
        Assert.Equal(0.001m, Rsspot.Services.BidPrice.Step);
    }

    [Fact]
    public void The_minimum_bid_is_a_floor()
    {
        PriceRow row = PriceCatalog.Create([Quote("a.vs1.a-dfw", Dfw, "2", "4GB", "0.010") with { MinimumBidPrice = "0.02" }]).Rows[0];

        SuggestedBid bid = BidPolicy.Suggest(row, RiskLevel.High)!;

        Assert.Equal(0.02m, bid.PerNodeHour);
        Assert.Contains("minimum bid $0.02", bid.Basis, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("N/A")]
    [InlineData("0")]
    public void No_bid_without_a_positive_market_price(string market)
    {
        PriceRow row = PriceCatalog.Create(
            [Quote("a.vs1.a-dfw", Dfw, "2", "4GB", market)],
            [Percentiles("a.vs1.a-dfw", Dfw, 0.01m, 0.02m, 0.03m)]).Rows[0];

        Assert.Null(BidPolicy.Suggest(row, RiskLevel.Low));
    }

    [Theory]
    [InlineData("low", RiskLevel.Low)]
    [InlineData("MED", RiskLevel.Medium)]
    [InlineData("medium", RiskLevel.Medium)]
    [InlineData(" high ", RiskLevel.High)]
    public void Risk_levels_parse_as_the_cli_spells_them(string text, RiskLevel expected)
    {
        Assert.True(RiskLevels.TryParse(text, out RiskLevel risk));
        Assert.Equal(expected, risk);
        Assert.False(RiskLevels.TryParse("extreme", out _));
    }
}
