using System.Text;
using Microsoft.Kiota.Abstractions.Serialization;
using Rsspot.Serialization;

namespace Rsspot.Tests.Serialization;

/// <summary>A setter table finds each field by its name's raw UTF-8 bytes, and nothing else.</summary>
public sealed class FieldSetterTableTests
{
    private static readonly string[] Names = ["apiVersion", "metadata", "", "größe", "名前", "x-y_z.1", "a", "b", "c", "d", "e", "f", "g"];

    private static FieldSetterTable Table(out Dictionary<string, Action<IParsable, IParseNode>> setters)
    {
        setters = Names.ToDictionary(n => n, _ => (Action<IParsable, IParseNode>)((_, _) => { }), StringComparer.Ordinal);
        return new FieldSetterTable(setters);
    }

    [Fact]
    public void Every_name_is_found_by_its_UTF8_bytes_with_its_own_setter()
    {
        var table = Table(out var setters);

        foreach (var name in Names)
        {
            Assert.True(table.TryGet(Encoding.UTF8.GetBytes(name), out var setter));
            Assert.Same(setters[name], setter);
        }
    }

    [Theory]
    [InlineData("apiversion")]
    [InlineData("metadat")]
    [InlineData("metadata ")]
    [InlineData("grosse")]
    [InlineData("名")]
    [InlineData("h")]
    public void A_name_that_differs_in_any_byte_is_not_found(string other)
    {
        Assert.False(Table(out _).TryGet(Encoding.UTF8.GetBytes(other), out var setter));
        Assert.Null(setter);
    }

    [Fact]
    public void Every_generated_model_table_finds_all_its_fields_by_bytes()
    {
        var models = typeof(SpotClient).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Rsspot.Generated.", StringComparison.Ordinal) == true
                && t is { IsClass: true, IsAbstract: false, IsGenericType: false }
                && typeof(IParsable).IsAssignableFrom(t)
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        Assert.True(models.Count > 40);
        foreach (var model in models)
        {
            var table = ModelFieldSetters.For((IParsable)Activator.CreateInstance(model)!)!;
            Assert.All(table.Setters, field => Assert.True(table.TryGet(Encoding.UTF8.GetBytes(field.Key), out var setter) && ReferenceEquals(setter, field.Value)));
        }
    }
}
