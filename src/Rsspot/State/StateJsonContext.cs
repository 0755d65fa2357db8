using System.Text.Json;
using System.Text.Json.Serialization;
using Rsspot.Workflows;

namespace Rsspot.State;

/// <summary>Compile-time JSON metadata for the JSON columns of state.db (no reflection: trimming and Native AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnakeCaseStatusConverter)])]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(List<RegistrationTransition>))]
[JsonSerializable(typeof(IReadOnlyList<RegistrationTransition>))]
internal sealed partial class StateJsonContext : JsonSerializerContext
{
    /// <summary>Registration statuses as snake_case text, as stored since the ledger's first version.</summary>
    internal sealed class SnakeCaseStatusConverter() : JsonStringEnumConverter<RegistrationStatus>(JsonNamingPolicy.SnakeCaseLower);
}
