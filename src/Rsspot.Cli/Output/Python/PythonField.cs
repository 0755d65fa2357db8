using System.Text.Json.Nodes;

namespace Rsspot.Cli.Output.Python;

/// <summary>A field of a <see cref="PythonModel"/>: its name, what it holds and its default.</summary>
internal sealed record PythonField(string Name, PythonFieldKind Kind = PythonFieldKind.Scalar, PythonModel? Model = null, bool Optional = true)
{
    public static PythonField Scalar(string name) => new(name);

    public static PythonField Map(string name, PythonModel? values = null) => new(name, PythonFieldKind.Map, values);

    public static PythonField List(string name, PythonModel? items = null) => new(name, PythonFieldKind.List, items);

    /// <summary>A nested model; <paramref name="optional"/> false means the Python fills it from an empty object when absent.</summary>
    public static PythonField Object(string name, PythonModel model, bool optional = true) => new(name, PythonFieldKind.Object, model, optional);

    public JsonNode? Default() => Kind switch
    {
        PythonFieldKind.Map => new JsonObject(),
        PythonFieldKind.List => new JsonArray(),
        PythonFieldKind.Object when !Optional => Model!.Apply(new JsonObject()),
        _ => null,
    };

    public JsonNode? Apply(JsonNode? value) => (Kind, value) switch
    {
        (PythonFieldKind.Object, JsonObject) => Model!.Apply(value),
        (PythonFieldKind.Map, JsonObject map) when Model is not null => new JsonObject(map.Select(kv => KeyValuePair.Create(kv.Key, Model.Apply(kv.Value)))),
        (PythonFieldKind.List, JsonArray list) when Model is not null => new JsonArray([.. list.Select(Model.Apply)]),
        _ => value?.DeepClone(),
    };
}
