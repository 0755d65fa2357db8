using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Api;

/// <summary>
/// RFC 6902 JSON Patch: <c>add</c>, <c>remove</c>, <c>replace</c>, <c>move</c>, <c>copy</c> and <c>test</c>, with
/// RFC 6901 pointers. Operations apply in order to a copy; the first one that cannot apply stops the patch.
/// </summary>
internal sealed class JsonPatch
{
    private readonly List<Operation> _operations;

    private JsonPatch(List<Operation> operations) => _operations = operations;

    /// <summary>Reads a patch document; false with a reason when it is not an array of operation objects.</summary>
    public static bool TryRead(JsonNode? document, out JsonPatch patch, out string error)
    {
        patch = new JsonPatch([]);
        error = string.Empty;
        if (document is not JsonArray array)
        {
            error = "a JSON patch must be an array of operations";
            return false;
        }

        var operations = new List<Operation>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject op)
            {
                error = $"operation {i} of the JSON patch is not an object";
                return false;
            }

            operations.Add(new Operation(i, op));
        }

        patch = new JsonPatch(operations);
        return true;
    }

    /// <summary>The patched copy of <paramref name="target"/>, or the reason the patch does not apply.</summary>
    public JsonNode? Apply(JsonNode target, out string? error)
    {
        JsonNode? document = target.DeepClone();
        foreach (var operation in _operations)
        {
            error = operation.Apply(ref document);
            if (error is not null)
            {
                return null;
            }
        }

        error = null;
        return document;
    }

    private sealed class Operation(int index, JsonObject body)
    {
        public string? Apply(ref JsonNode? document)
        {
            if (Text("op") is not { } op)
            {
                return Fail("has no \"op\"");
            }

            if (Text("path") is not { } path)
            {
                return Fail("has no \"path\"");
            }

            if (!TryParsePointer(path, out var tokens))
            {
                return Fail($"has an invalid path \"{path}\": a JSON pointer starts with \"/\"");
            }

            switch (op)
            {
                case "add":
                    return body.TryGetPropertyValue("value", out var added) ? Add(ref document, tokens, path, added?.DeepClone()) : Fail("(add) has no \"value\"");
                case "remove":
                    return Remove(ref document, tokens, path, out _);
                case "replace":
                    if (!body.TryGetPropertyValue("value", out var replacement))
                    {
                        return Fail("(replace) has no \"value\"");
                    }

                    return Remove(ref document, tokens, path, out _) ?? Add(ref document, tokens, path, replacement?.DeepClone());
                case "move":
                case "copy":
                    if (Text("from") is not { } from || !TryParsePointer(from, out var fromTokens))
                    {
                        return Fail($"({op}) has no valid \"from\"");
                    }

                    if (op == "move" && path.StartsWith(from + "/", StringComparison.Ordinal))
                    {
                        return Fail($"(move) cannot move \"{from}\" into its own child \"{path}\"");
                    }

                    if (!TryGet(document, fromTokens, out var source))
                    {
                        return Fail($"({op}) \"from\" \"{from}\" does not exist");
                    }

                    var value = source?.DeepClone();
                    if (op == "move" && Remove(ref document, fromTokens, from, out _) is { } moveError)
                    {
                        return moveError;
                    }

                    return Add(ref document, tokens, path, value);
                case "test":
                    if (!body.TryGetPropertyValue("value", out var expected))
                    {
                        return Fail("(test) has no \"value\"");
                    }

                    if (!TryGet(document, tokens, out var actual))
                    {
                        return Fail($"(test) path \"{path}\" does not exist");
                    }

                    return JsonNode.DeepEquals(actual, expected) ? null : Fail($"(test) failed: the value at \"{path}\" is {Show(actual)}, not {Show(expected)}");
                default:
                    return Fail($"has an unknown op \"{op}\"; use add, remove, replace, move, copy or test");
            }
        }

        private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";

        private string? Text(string name) =>
            body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

        private string Fail(string reason) => $"operation {index} {reason}";

        private string? Add(ref JsonNode? document, List<string> tokens, string path, JsonNode? value)
        {
            if (tokens.Count == 0)
            {
                document = value;
                return null;
            }

            if (!TryGet(document, tokens[..^1], out var parent) || parent is null)
            {
                return Fail($"path \"{path}\": the parent does not exist");
            }

            var last = tokens[^1];
            switch (parent)
            {
                case JsonObject map:
                    map[last] = value;
                    return null;
                case JsonArray list:
                    if (last == "-")
                    {
                        list.Add(value);
                        return null;
                    }

                    if (!TryIndex(last, out var index) || index > list.Count)
                    {
                        return Fail($"path \"{path}\": index {last} is outside the array of {list.Count}");
                    }

                    list.Insert(index, value);
                    return null;
                default:
                    return Fail($"path \"{path}\": the parent is not an object or an array");
            }
        }

        private string? Remove(ref JsonNode? document, List<string> tokens, string path, out JsonNode? removed)
        {
            removed = null;
            if (tokens.Count == 0)
            {
                removed = document;
                document = null;
                return null;
            }

            if (!TryGet(document, tokens[..^1], out var parent) || parent is null)
            {
                return Fail($"path \"{path}\" does not exist");
            }

            var last = tokens[^1];
            switch (parent)
            {
                case JsonObject map when map.TryGetPropertyValue(last, out removed):
                    map.Remove(last);
                    return null;
                case JsonArray list when TryIndex(last, out var index) && index < list.Count:
                    removed = list[index];
                    list.RemoveAt(index);
                    return null;
                default:
                    return Fail($"path \"{path}\" does not exist");
            }
        }

        private static bool TryGet(JsonNode? document, List<string> tokens, out JsonNode? found)
        {
            found = document;
            foreach (var token in tokens)
            {
                switch (found)
                {
                    case JsonObject map when map.TryGetPropertyValue(token, out var child):
                        found = child;
                        break;
                    case JsonArray list when TryIndex(token, out var index) && index < list.Count:
                        found = list[index];
                        break;
                    default:
                        found = null;
                        return false;
                }
            }

            return true;
        }

        // RFC 6901: "" is the whole document; otherwise "/" separated tokens with ~1 for "/" and ~0 for "~".
        private static bool TryParsePointer(string pointer, out List<string> tokens)
        {
            tokens = [];
            if (pointer.Length == 0)
            {
                return true;
            }

            if (pointer[0] != '/')
            {
                return false;
            }

            foreach (var raw in pointer[1..].Split('/'))
            {
                tokens.Add(raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            return true;
        }

        private static bool TryIndex(string token, out int index)
        {
            index = -1;
            return token.Length > 0 && token.Length <= 9 && token.All(char.IsAsciiDigit) && (token == "0" || token[0] != '0')
                && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index);
        }
    }
}
