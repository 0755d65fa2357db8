using Microsoft.Kiota.Abstractions.Serialization;
using Rsspot.Serialization;

namespace Rsspot.Tests.Serialization;

/// <summary>The build writes a static setter table for every generated model, with exactly the model's own fields.</summary>
public sealed class ModelFieldSettersTests
{
    public static TheoryData<Type> GeneratedModels()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(SpotClient).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Rsspot.Generated.", StringComparison.Ordinal) == true
                && t is { IsClass: true, IsAbstract: false, IsGenericType: false }
                && typeof(IParsable).IsAssignableFrom(t)
                && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GeneratedModels))]
    public void Every_generated_model_has_a_table_with_the_fields_of_its_own_deserializers(Type model)
    {
        var instance = (IParsable)Activator.CreateInstance(model)!;

        var table = ModelFieldSetters.For(instance);

        Assert.NotNull(table);
        Assert.Equal(instance.GetFieldDeserializers().Keys.Order(StringComparer.Ordinal), table.Setters.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void There_are_generated_models_to_check() => Assert.True(GeneratedModels().Count > 40);
}
