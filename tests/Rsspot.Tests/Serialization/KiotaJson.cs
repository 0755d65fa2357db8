using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Rsspot.Serialization;

namespace Rsspot.Tests.Serialization;

/// <summary>Parses bodies with Kiota's own JSON parse node and with the SDK's, and writes models back as Kiota does.</summary>
internal static class KiotaJson
{
    public static async Task<T> ParseWithKiotaAsync<T>(byte[] body, ParsableFactory<T> factory)
        where T : IParsable
    {
        using var stream = new MemoryStream(body, writable: false);
        var node = await new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream);
        return node.GetObjectValue(factory);
    }

    public static async Task<T> ParseWithSdkAsync<T>(byte[] body, ParsableFactory<T> factory)
        where T : IParsable
    {
        using var stream = new MemoryStream(body, writable: false);
        var node = await SpotParseNodes.Registry.GetRootParseNodeAsync("application/json", stream);
        try
        {
            return node.GetObjectValue(factory);
        }
        finally
        {
            (node as IDisposable)?.Dispose();
        }
    }

    /// <summary>The model written with Kiota's JsonSerializationWriter: every field, enum, date and AdditionalData entry.</summary>
    public static string Write(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The .NET types of the AdditionalData values, nested untyped values included, so a value Kiota keeps as a
    /// DateTime and one kept as a string (which may write alike) still differ.
    /// </summary>
    public static string AdditionalDataTypes(IAdditionalDataHolder holder) =>
        string.Join(", ", holder.AdditionalData.Select(pair => $"{pair.Key}:{Describe(pair.Value)}"));

    private static string Describe(object? value) => value switch
    {
        null => "null",
        UntypedArray array => $"[{string.Join(" ", array.GetValue().Select(Describe))}]",
        UntypedObject obj => $"{{{string.Join(" ", obj.GetValue().Select(p => $"{p.Key}:{Describe(p.Value)}"))}}}",
        _ => $"{value.GetType().Name}={Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}",
    };
}
