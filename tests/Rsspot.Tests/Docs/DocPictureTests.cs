using System.Globalization;
using System.Text.RegularExpressions;
using Rsspot.Services;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Docs;

/// <summary>The pictures the README and the guides show agree with what the tool accepts.</summary>
public sealed partial class DocPictureTests
{
    [Fact]
    public void The_price_history_picture_shows_only_bids_the_tool_accepts()
    {
        var svg = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "price-history.svg"));
        var bids = BidLabel().Matches(svg).Select(m => m.Groups["bid"].Value).ToList();

        Assert.NotEmpty(bids);
        Assert.All(bids, bid =>
        {
            var value = decimal.Parse(bid, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            Assert.True(value == BidPrice.RoundDown(value), $"docs/price-history.svg shows the bid ${bid}; bids have at most three decimals");
        });
    }

    [GeneratedRegex(@">bid [^<]*\$(?<bid>[0-9]+\.[0-9]+)</text>")]
    private static partial Regex BidLabel();
}
