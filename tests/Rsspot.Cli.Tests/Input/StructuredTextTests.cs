using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Cli.Input;

namespace Rsspot.Cli.Tests.Input;

/// <summary>YAML scalars become JSON by the YAML 1.2 core schema, so a spec's <c>desired: 2</c> meets the schema's integer.</summary>
public sealed class StructuredTextTests
{
    [Theory]
    [InlineData("2", "2")]
    [InlineData("-3", "-3")]
    [InlineData("+7", "7")]
    [InlineData("007", "7")]
    [InlineData("0x1F", "31")]
    [InlineData("0o17", "15")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("0.08", "0.08")]
    [InlineData("1.30", "1.30")]
    [InlineData(".5", "0.5")]
    [InlineData("1e-2", "0.01")]
    [InlineData("true", "true")]
    [InlineData("False", "false")]
    [InlineData("TRUE", "true")]
    [InlineData("null", "null")]
    [InlineData("~", "null")]
    [InlineData("", "null")]
    public void A_plain_scalar_takes_its_core_schema_type(string scalar, string json)
    {
        Assert.Equal(json, Value($"v: {scalar}"));
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("'true'")]
    [InlineData("!!str 2")]
    [InlineData("!!str true")]
    public void A_quoted_or_str_tagged_scalar_stays_text(string scalar)
    {
        var node = Parse($"v: {scalar}")["v"]!;

        Assert.Equal(JsonValueKind.String, node.GetValueKind());
    }

    [Theory]
    [InlineData("yes", "yes")]
    [InlineData("on", "on")]
    [InlineData(".inf", ".inf")]
    [InlineData(".nan", ".nan")]
    [InlineData("1.31.1", "1.31.1")]
    [InlineData("0x", "0x")]
    [InlineData("$0.08", "$0.08")]
    [InlineData("12abc", "12abc")]
    public void What_the_core_schema_does_not_type_stays_text(string scalar, string text)
    {
        var node = Parse($"v: {scalar}")["v"]!;

        Assert.Equal(JsonValueKind.String, node.GetValueKind());
        Assert.Equal(text, node.GetValue<string>());
    }

    [Fact]
    public void Json_text_reads_the_same_as_json()
    {
        var node = Parse("""{"a": 1, "b": "1", "c": [true, null, 0.5], "d": {"e": "x"}}""");

        Assert.Equal("""{"a":1,"b":"1","c":[true,null,0.5],"d":{"e":"x"}}""", node.ToJsonString());
    }

    [Theory]
    [InlineData("9", '9')]
    [InlineData("0x9", 'f')]
    [InlineData("0o7", '7')]
    [InlineData("0.9", '9')]
    public void A_number_too_long_to_convert_quickly_is_refused(string start, char digit)
    {
        var longest = start + new string(digit, YamlCoreScalar.LongestNumber - start.Length);

        Assert.Equal(JsonValueKind.Number, Parse($"v: {longest}")["v"]!.GetValueKind());
        var error = Assert.Throws<InvalidDataException>(() => StructuredText.Parse($"a: 1\nv: {longest}7\n"));
        Assert.Contains("line 2 has a number of 101 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, Parse($"v: \"{longest}7\"")["v"]!.GetValueKind());
    }

    [Fact]
    public void A_key_that_is_not_text_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => StructuredText.Parse("? [a, b]\n: 1\n"));

        Assert.Contains("not text", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Parse(string yaml) => Assert.IsType<JsonObject>(StructuredText.Parse(yaml));

    private static string Value(string yaml) => Parse(yaml)["v"]?.ToJsonString() ?? "null";
}
