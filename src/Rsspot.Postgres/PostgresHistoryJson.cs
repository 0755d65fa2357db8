using System.Text.Json;
using System.Text.Json.Serialization;
using Rsspot.Workflows;

namespace Rsspot.Postgres;

/// <summary>
/// Compile-time JSON metadata for the <c>history</c> column: snake_case names, statuses as their stored text
/// (<c>token_issued</c>), nulls left out, the same shape state.db keeps.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(SnakeCaseStatusConverter)])]
[JsonSerializable(typeof(List<RegistrationTransition>))]
[JsonSerializable(typeof(IReadOnlyList<RegistrationTransition>))]
internal sealed partial class PostgresHistoryJson : JsonSerializerContext
{
    /// <summary>Registration statuses as snake_case text.</summary>
    internal sealed class SnakeCaseStatusConverter() : JsonStringEnumConverter<RegistrationStatus>(JsonNamingPolicy.SnakeCaseLower);
}
