using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Api;

/// <summary>RFC 7386 JSON merge patch: objects merge member by member, null deletes, anything else replaces.</summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }

            var current = result.TryGetPropertyValue(name, out var existing) ? existing : null;
            result[name] = Apply(current, value);
        }

        return result;
    }
}
