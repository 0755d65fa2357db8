using System.Text.Json.Nodes;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Tests.Api;

public class JsonPatchTests
{
    // The examples of RFC 6902, appendix A.
    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"baz":"qux","foo":"bar"}""")]
    [InlineData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [InlineData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [InlineData("""{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""", """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""", """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")]
    [InlineData("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""")]
    [InlineData("""{"baz":"qux","foo":["a",2,"c"]}""", """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""", """{"baz":"qux","foo":["a",2,"c"]}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux","xyz":123}]""", """{"foo":"bar","baz":"qux"}""")]
    [InlineData("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10}]""", """{"/":9,"~1":10}""")]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"copy","from":"/foo","path":"/baz"}]""", """{"foo":"bar","baz":"bar"}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/foo","value":null}]""", """{"foo":null}""")]
    public void Applies_the_rfc_6902_examples(string target, string patch, string expected)
    {
        Assert.True(JsonPatch.TryRead(JsonNode.Parse(patch), out var parsed, out var readError), readError);

        var result = parsed.Apply(JsonNode.Parse(target)!, out var error);

        Assert.Null(error);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString());
    }

    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""", "parent does not exist")]
    [InlineData("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""", "(test) failed")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"remove","path":"/nothing"}]""", "does not exist")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"replace","path":"/nothing","value":1}]""", "does not exist")]
    [InlineData("""{"foo":[1]}""", """[{"op":"add","path":"/foo/2","value":1}]""", "outside the array")]
    [InlineData("""{"foo":[1]}""", """[{"op":"add","path":"/foo/01","value":1}]""", "index 01")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"jump","path":"/foo"}]""", "unknown op")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz"}]""", "no \"value\"")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"baz","value":1}]""", "invalid path")]
    [InlineData("""{"foo":{"a":1}}""", """[{"op":"move","from":"/foo","path":"/foo/b"}]""", "own child")]
    public void An_operation_that_cannot_apply_stops_the_patch_with_its_reason(string target, string patch, string reason)
    {
        Assert.True(JsonPatch.TryRead(JsonNode.Parse(patch), out var parsed, out _));

        var result = parsed.Apply(JsonNode.Parse(target)!, out var error);

        Assert.Null(result);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"op":"add","path":"/a","value":1}""")]
    [InlineData("""[1]""")]
    [InlineData("""null""")]
    public void A_document_that_is_not_an_array_of_objects_is_not_a_patch(string document)
    {
        Assert.False(JsonPatch.TryRead(JsonNode.Parse(document), out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void The_target_is_left_unchanged()
    {
        var target = JsonNode.Parse("""{"a":{"b":1}}""")!;
        Assert.True(JsonPatch.TryRead(JsonNode.Parse("""[{"op":"replace","path":"/a/b","value":2}]"""), out var parsed, out _));

        parsed.Apply(target, out _);

        Assert.Equal(1, target["a"]!["b"]!.GetValue<int>());
    }
}
