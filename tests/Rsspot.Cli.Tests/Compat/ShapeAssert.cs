using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rsspot.Cli.Tests.Compat;

/// <summary>
/// Checks that JSON printed by rsspot has the shape of a reference printed by another CLI: every key path of the
/// reference exists with the same container type, and values are written the same way (a <c>$</c> price stays a
/// <c>$</c> string, a timestamp keeps the API's <c>...Z</c> form, an integer stays an integer, a float a float,
/// <c>{}</c> and <c>[]</c> stay containers). Values themselves may differ: the servers differ.
/// </summary>
public static partial class ShapeAssert
{
    // Objects whose keys are data (names, label keys), not fields: only their values' shape is compared.
    private static readonly HashSet<string> Maps = new(StringComparer.Ordinal)
    {
        "labels", "annotations", "customLabels", "customAnnotations", "assignedServers", "profiles", "ttl_defaults", "profile_orgs", "profile_regions",
    };

    // Keys a server may leave out that the reference's server sent: a cloudspace's annotations; a pool's autoscaling,
    // which the Python rsspot always sends on create (so its server echoes it) and this tool only when asked.
    private static readonly HashSet<string> MayBeAbsent = new(StringComparer.Ordinal) { "annotations", "autoscaling" };

    public static void Matches(JsonNode? reference, JsonNode? actual) => Match(reference, actual, "$");

    private static void Match(JsonNode? reference, JsonNode? actual, string path)
    {
        switch (reference)
        {
            case JsonObject expected:
                var obj = Assert.IsType<JsonObject>(actual, exactMatch: false);
                foreach (var (key, value) in expected)
                {
                    if (MayBeAbsent.Contains(key) && obj[key] is null)
                    {
                        continue;
                    }

                    Assert.True(obj.ContainsKey(key), $"{path}.{key} is missing in:\n{actual?.ToJsonString()}");
                    if (Maps.Contains(key) && value is JsonObject)
                    {
                        var map = Assert.IsType<JsonObject>(obj[key], exactMatch: false);
                        var sample = (value as JsonObject)?.FirstOrDefault().Value;
                        if (sample is JsonObject)
                        {
                            foreach (var (entry, entryValue) in map)
                            {
                                Match(sample, entryValue, $"{path}.{key}[{entry}]");
                            }
                        }
                    }
                    else
                    {
                        Match(value, obj[key], $"{path}.{key}");
                    }
                }

                break;
            case JsonArray expected:
                var array = actual as JsonArray;
                Assert.True(array is not null, $"{path} is not an array: {actual?.ToJsonString() ?? "null"}");
                if (expected.Count > 0)
                {
                    for (var i = 0; i < array!.Count; i++)
                    {
                        Match(expected[Math.Min(i, expected.Count - 1)], array[i], $"{path}[{i}]");
                    }
                }

                break;
            case JsonValue expected when actual is not null:
                Value(expected, actual, path);
                break;
        }
    }

    private static void Value(JsonValue expected, JsonNode actual, string path)
    {
        var got = Assert.IsType<JsonValue>(actual, exactMatch: false);
        switch (expected.GetValueKind())
        {
            case JsonValueKind.String:
                Assert.True(got.GetValueKind() == JsonValueKind.String, $"{path}: expected a string, got {got.ToJsonString()}");
                var text = expected.GetValue<string>();
                var value = got.GetValue<string>();
                if (text.StartsWith('$'))
                {
                    Assert.True(value.StartsWith('$'), $"{path}: a price is written as a $ string, got {value}");
                }
                else if (Timestamp().IsMatch(text))
                {
                    Assert.True(Timestamp().IsMatch(value), $"{path}: a timestamp is written as the API writes it (...Z), got {value}");
                }
                else if (text == "<redacted>")
                {
                    Assert.Equal(text, value);
                }

                break;
            case JsonValueKind.Number:
                Assert.True(got.GetValueKind() == JsonValueKind.Number, $"{path}: expected a number, got {got.ToJsonString()}");
                var isFloat = expected.ToJsonString().IndexOfAny(['.', 'e', 'E']) >= 0;
                Assert.True(isFloat == (got.ToJsonString().IndexOfAny(['.', 'e', 'E']) >= 0), $"{path}: {(isFloat ? "a float" : "an integer")} expected, got {got.ToJsonString()}");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.True(got.GetValueKind() is JsonValueKind.True or JsonValueKind.False, $"{path}: expected a boolean, got {got.ToJsonString()}");
                break;
        }
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")]
    private static partial Regex Timestamp();
}
