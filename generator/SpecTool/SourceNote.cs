using Microsoft.OpenApi.Any;
using Microsoft.OpenApi.Interfaces;

namespace Rsspot.SpecTool;

/// <summary>
/// The <c>x-rsspot-source</c> note of an operation the published file lacks: where the spec learned of it, and what
/// about it is inferred rather than seen. The diff prints it beside the addition.
/// </summary>
internal static class SourceNote
{
    public const string Extension = "x-rsspot-source";

    /// <summary>The operation's key, followed by its source note when it has one.</summary>
    public static string Describe(SpecOperation operation) =>
        Text(operation.Operation.Extensions) is { } note ? $"{operation.Key} (source: {note})" : operation.Key;

    private static string? Text(IDictionary<string, IOpenApiExtension> extensions) =>
        extensions.TryGetValue(Extension, out var value) && value is OpenApiString { Value: { Length: > 0 } text } ? text : null;
}
