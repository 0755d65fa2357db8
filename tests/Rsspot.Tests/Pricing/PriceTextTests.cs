using Rsspot.Pricing;

namespace Rsspot.Tests.Pricing;

public class PriceTextTests
{
    [Theory]
    [InlineData("0.0123", "0.0123")]
    [InlineData("$0.009", "0.009")]
    [InlineData(" $0.75 ", "0.75")]
    [InlineData("0.01 USD", "0.01")]
    [InlineData("$0.02/hr", "0.02")]
    [InlineData(".5", "0.5")]
    [InlineData("0", "0")]
    public void ParseUsd_reads_amounts(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PriceText.ParseUsd(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("N/A")]
    [InlineData("-0.01")]
    [InlineData("0,01")]
    [InlineData("abc")]
    [InlineData("99999999999999999999999999999999999")]
    public void ParseUsd_gives_unknown_for_unreadable_text(string? text) => Assert.Null(PriceText.ParseUsd(text));

    [Theory]
    [InlineData("2", "2")]
    [InlineData("2 vCPU", "2")]
    [InlineData("16vcpus", "16")]
    [InlineData("48 cores", "48")]
    [InlineData("500m", "0.5")]
    public void ParseCpu_reads_counts(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PriceText.ParseCpu(text));

    [Theory]
    [InlineData("")]
    [InlineData("two")]
    [InlineData("2 GB")]
    public void ParseCpu_gives_unknown_for_unreadable_text(string text) => Assert.Null(PriceText.ParseCpu(text));

    [Theory]
    [InlineData("3.75GB", "3.75")]
    [InlineData("4GiB", "4")]
    [InlineData("3840Mi", "3.75")]
    [InlineData("16G", "16")]
    [InlineData("16", "16")]
    [InlineData("512 MB", "0.5")]
    [InlineData("1Ti", "1024")]
    [InlineData("1048576Ki", "1")]
    public void ParseMemoryGb_reads_sizes(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PriceText.ParseMemoryGb(text));

    [Theory]
    [InlineData(null)]
    [InlineData("lots")]
    [InlineData("4 PB")]
    public void ParseMemoryGb_gives_unknown_for_unreadable_text(string? text) => Assert.Null(PriceText.ParseMemoryGb(text));

    [Theory]
    [InlineData("0.72", "$0.72")]
    [InlineData("0.0123", "$0.0123")]
    [InlineData("525.6", "$525.60")]
    public void FormatUsd_uses_two_to_four_decimals(string amount, string expected) =>
        Assert.Equal(expected, PriceText.FormatUsd(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
}

public class ServerClassNameTests
{
    [Theory]
    [InlineData("gp.vs1.medium-dfw", "gp", "vs1", "medium", "dfw", 1, false)]
    [InlineData("mh.vs2.large-iad", "mh", "vs2", "large", "iad", 2, false)]
    [InlineData("gp.bm2.large-dfw", "gp", "bm2", "large", "dfw", 2, true)]
    [InlineData("io.bm2-lon", "io", "bm2", null, "lon", 2, true)]
    [InlineData("ch.vs1.2xlarge", "ch", "vs1", "2xlarge", null, 1, false)]
    public void Parse_splits_the_parts(string name, string? family, string? generation, string? size, string? site, int? number, bool bareMetal)
    {
        ServerClassName parsed = ServerClassName.Parse(name);

        Assert.Equal((name, family, generation, size, site), (parsed.Value, parsed.Family, parsed.Generation, parsed.Size, parsed.Site));
        Assert.Equal(number, parsed.GenerationNumber);
        Assert.Equal(bareMetal, parsed.IsBareMetal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("custom")]
    [InlineData("-")]
    public void Parse_is_lenient_with_odd_names(string? name)
    {
        ServerClassName parsed = ServerClassName.Parse(name);

        Assert.Null(parsed.Family);
        Assert.Null(parsed.Generation);
        Assert.Null(parsed.Size);
        Assert.Null(parsed.GenerationNumber);
    }
}
