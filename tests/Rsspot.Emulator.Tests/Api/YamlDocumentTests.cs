using System.Text.Json.Nodes;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Tests.Api;

public class YamlDocumentTests
{
    [Fact]
    public void Plain_scalars_are_typed_by_the_yaml_1_2_core_schema_and_quoted_ones_stay_strings()
    {
        var node = YamlDocument.Parse("""
            version: 1.31.1
            bid: 0.50
            quotedBid: "0.50"
            count: 3
            hex: 0x1F
            enabled: true
            word: yes
            nothing: ~
            list: [a, 2]
            """)!;

        var expected = JsonNode.Parse("""
            {"version":"1.31.1","bid":0.50,"quotedBid":"0.50","count":3,"hex":31,"enabled":true,"word":"yes","nothing":null,"list":["a",2]}
            """);
        Assert.True(JsonNode.DeepEquals(expected, node), node.ToJsonString());
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", "duplicate key")]
    [InlineData("a: 1\n---\nb: 2\n", "more than one YAML document")]
    [InlineData("a: .inf\n", "no JSON form")]
    [InlineData("a: [1, 2\n", "line")]
    [InlineData("? [a]\n: 1\n", "plain value")]
    public void Bodies_json_cannot_hold_are_refused_with_a_reason(string yaml, string reason)
    {
        var error = Assert.Throws<FormatException>(() => YamlDocument.Parse(yaml));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_expansion_is_bounded()
    {
        var lines = new List<string> { "a0: &a0 [x, x, x, x, x, x, x, x, x, x]" };
        for (var i = 1; i < 8; i++)
        {
            lines.Add($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]");
        }

        var error = Assert.Throws<FormatException>(() => YamlDocument.Parse(string.Join('\n', lines)));

        Assert.Contains("more than", error.Message, StringComparison.Ordinal);
    }
}
