using System.Text.Json.Nodes;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Tests.Output;

/// <summary>JSON output is ordinary JSON: UTF-8 kept, only what JSON needs escaped plus controls and bidi characters.</summary>
public sealed class JsonTextTests
{
    [Fact]
    public void Plus_and_non_ascii_text_are_written_as_they_are()
    {
        var text = JsonText.Write(new JsonObject { ["name"] = "café+ü 東京 🚀", ["t"] = "2026-12-07T02:09:47+01:00" });
        Assert.Contains("\"café+ü 東京 🚀\"", text, StringComparison.Ordinal);
        Assert.Contains("+01:00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a\u009b31mb", "\\u009b")]
    [InlineData("a\u001b]52;c;eA==\u0007b", "\\u001b")]
    [InlineData("evil\u202Egnp.exe", "\\u202e")]
    [InlineData("line\rover", "\\r")]
    [InlineData("del\u007f", "\\u007f")]
    [InlineData("sep\u2028x", "\\u2028")]
    public void Control_and_bidi_characters_are_escaped_and_read_back_unchanged(string value, string escape)
    {
        var text = JsonText.Write(new JsonObject { ["name"] = value });
        Assert.Contains(escape, text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, c => c < ' ' && c != '\n');
        Assert.DoesNotContain(text, c => c is >= '\u007f' and <= '\u009f' or '\u202e' or '\u2028');
        Assert.Equal(value, JsonNode.Parse(text)!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Layout_is_two_space_indented_with_empty_containers_kept()
    {
        var text = JsonText.Write(new JsonObject { ["labels"] = new JsonObject(), ["taints"] = new JsonArray(), ["n"] = 3, ["items"] = new JsonArray(1, "x") });
        Assert.Equal("{\n  \"labels\": {},\n  \"taints\": [],\n  \"n\": 3,\n  \"items\": [\n    1,\n    \"x\"\n  ]\n}", text);
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(0.009000000000000001, "0.009000000000000001")]
    [InlineData(28.907999999999998, "28.907999999999998")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(730.0, "730.0")]
    public void Computed_floats_are_written_as_python_writes_them(double value, string expected)
    {
        Assert.Equal(expected, JsonText.PythonFloat(value));
        Assert.Equal(expected, JsonText.Write(JsonValue.Create(value)));
    }

    [Fact]
    public void Numbers_read_from_the_api_keep_their_text()
    {
        Assert.Equal("{\n  \"a\": 2,\n  \"b\": 0.0030\n}", JsonText.Write(JsonNode.Parse("{\"a\":2,\"b\":0.0030}")));
    }
}
