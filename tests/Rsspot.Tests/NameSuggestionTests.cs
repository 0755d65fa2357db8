namespace Rsspot.Tests;

public sealed class NameSuggestionTests
{
    [Theory]
    [InlineData("regoins", "regions")]
    [InlineData("cloudspace", "cloudspaces")]
    [InlineData("REGIONS", "regions")]
    [InlineData("prcing", "pricing")]
    public void Finds_typos_transpositions_and_cut_words(string typed, string expected) =>
        Assert.Equal(expected, NameSuggestion.Find(typed, ["regions", "cloudspaces", "pricing", "profiles", "raw"]));

    [Theory]
    [InlineData("us-dfw", "us-central-dfw-1")]
    [InlineData("lon-1", "uk-lon-1")]
    public void Finds_a_shorthand_that_keeps_every_part_of_the_name(string typed, string expected) =>
        Assert.Equal(expected, NameSuggestion.Find(typed, ["us-central-ord-1", "us-central-dfw-1", "uk-lon-1"]));

    [Fact]
    public void Returns_null_when_nothing_is_close() =>
        Assert.Null(NameSuggestion.Find("kubernetes", ["regions", "raw", "pricing"]));

    [Fact]
    public void Prefers_the_closest_region_name() =>
        Assert.Equal("us-central-dfw-1", NameSuggestion.Find("us-central-dfw", ["us-central-ord-1", "us-central-dfw-1", "uk-lon-1"]));
}
