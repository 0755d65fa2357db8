using System.Text.Json.Nodes;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Tests;

public class UnitTests
{
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void Merge_patch_follows_the_rfc_7386_examples(string target, string patch, string expected)
    {
        var result = JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString());
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app!=db", true)]
    [InlineData("app", true)]
    [InlineData("!missing", true)]
    [InlineData("app=web,tier", true)]
    [InlineData("app=db", false)]
    [InlineData("missing", false)]
    [InlineData("!app", false)]
    [InlineData("example.com/team=core", true)]
    public void Label_selectors_match_labels(string selector, bool matches)
    {
        var resource = JsonNode.Parse("""{"metadata":{"labels":{"app":"web","tier":"front","example.com/team":"core"}}}""")!.AsObject();

        Assert.True(LabelSelector.TryParse(selector, out var parsed, out var error), error);
        Assert.Equal(matches, parsed.Matches(resource));
    }

    [Fact]
    public async Task Options_out_of_range_are_refused_by_start()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EmulatorHost.StartAsync(new EmulatorOptions { TokenLifetime = TimeSpan.Zero }));
    }
}
