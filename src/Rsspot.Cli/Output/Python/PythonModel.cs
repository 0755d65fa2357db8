using System.Text.Json.Nodes;

namespace Rsspot.Cli.Output.Python;

/// <summary>
/// One of the Python rsspot's pydantic models, as far as its printed JSON goes: its fields in order, each with its
/// default when the API left it out (null, <c>{}</c> or <c>[]</c>) and the model of its value; every other key the
/// API sent follows, unchanged (the models allow extra fields).
/// </summary>
internal sealed class PythonModel
{
    private readonly PythonField[] _fields;

    public PythonModel(params PythonField[] fields)
    {
        _fields = fields;
    }

    /// <summary>The object as the Python model dumps it; anything that is not an object is copied as it is.</summary>
    public JsonNode? Apply(JsonNode? node)
    {
        if (node is not JsonObject source)
        {
            return node?.DeepClone();
        }

        var result = new JsonObject();
        foreach (var field in _fields)
        {
            result[field.Name] = source.TryGetPropertyValue(field.Name, out var value) ? field.Apply(value) : field.Default();
        }

        foreach (var (key, value) in source)
        {
            if (!result.ContainsKey(key))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
