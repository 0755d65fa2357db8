using Microsoft.Kiota.Abstractions.Serialization;

namespace Rsspot.Serialization;

/// <summary>
/// Static field setters of the generated models, written at build time from each model's
/// <c>GetFieldDeserializers()</c> by the generator in <c>generator/ModelSetters</c>: the same JSON names and reads,
/// without the per-instance dictionary of closures. A type without a table (a subclass, or a model of another shape)
/// is parsed through its own <c>GetFieldDeserializers()</c>.
/// </summary>
internal static partial class ModelFieldSetters
{
    private static readonly Dictionary<Type, FieldSetterTable> Tables = Build();

    /// <summary>The table of exactly <paramref name="model"/>'s type, or null.</summary>
    public static FieldSetterTable? For(IParsable model) => Tables.GetValueOrDefault(model.GetType());

    static partial void AddGenerated(Dictionary<Type, Dictionary<string, Action<IParsable, IParseNode>>> tables);

    private static Dictionary<Type, FieldSetterTable> Build()
    {
        var tables = new Dictionary<Type, Dictionary<string, Action<IParsable, IParseNode>>>();
        AddGenerated(tables);
        return tables.ToDictionary(t => t.Key, t => new FieldSetterTable(t.Value));
    }
}
