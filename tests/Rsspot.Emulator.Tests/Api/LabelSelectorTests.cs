using System.Text.Json.Nodes;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Tests.Api;

public class LabelSelectorTests
{
    private static readonly JsonObject Resource =
        JsonNode.Parse("""{"metadata":{"labels":{"team":"blue","tier":"t1","example.com/zone":"a","empty":""}}}""")!.AsObject();

    [Theory]
    [InlineData("team in (blue,red)", true)]
    [InlineData("team in (red, green)", false)]
    [InlineData("team in (blue)", true)]
    [InlineData("tier notin (t1)", false)]
    [InlineData("tier notin (t2,t3)", true)]
    [InlineData("missing notin (x)", true)]
    [InlineData("missing in (x)", false)]
    [InlineData("team in (blue,red),tier notin (t2)", true)]
    [InlineData("team in (blue,red), tier notin (t1)", false)]
    [InlineData("team", true)]
    [InlineData("!team", false)]
    [InlineData("!missing", true)]
    [InlineData("team,!missing,tier=t1", true)]
    [InlineData("team = blue , tier == t1", true)]
    [InlineData("example.com/zone in (a,b)", true)]
    [InlineData("empty=", true)]
    [InlineData("empty in (,x)", true)]
    [InlineData("team!=blue", false)]
    [InlineData("missing!=blue", true)]
    [InlineData("  ", true)]
    public void Set_based_and_equality_requirements_match_as_in_kubernetes(string selector, bool matches)
    {
        Assert.True(LabelSelector.TryParse(selector, out var parsed, out var error), error);

        Assert.Equal(matches, parsed.Matches(Resource));
    }

    [Theory]
    [InlineData("team in blue")]
    [InlineData("team in ()")]
    [InlineData("team in (blue,red")]
    [InlineData("team in (blue red)")]
    [InlineData("team notin")]
    [InlineData("team within (blue)")]
    [InlineData("team=blue,")]
    [InlineData(",team")]
    [InlineData("team==(blue)")]
    [InlineData("bad key=1")]
    [InlineData("team=bl ue")]
    [InlineData("team=-blue")]
    [InlineData("!")]
    [InlineData("!team=blue")]
    public void Malformed_selectors_are_refused(string selector)
    {
        Assert.False(LabelSelector.TryParse(selector, out _, out var error));
        Assert.Contains(selector, error, StringComparison.Ordinal);
    }
}
