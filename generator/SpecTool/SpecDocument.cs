using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace Rsspot.SpecTool;

/// <summary>A parsed OpenAPI file with the problems found while reading it.</summary>
internal sealed record SpecDocument(string Path, OpenApiDocument Document, IReadOnlyList<string> ReadErrors, SpecLocator Locator)
{
    public static SpecDocument Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecLoadException($"{path}: file not found; pass the path of an OpenAPI file.");
        }

        var text = File.ReadAllText(path);
        var locator = SpecLocator.Load(path, text);
        if (locator.SyntaxError is { } syntax)
        {
            return new SpecDocument(path, new OpenApiDocument(), [syntax], locator);
        }

        var reader = new OpenApiStringReader(new OpenApiReaderSettings
        {
            ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences,
        });
        var document = reader.Read(text, out var diagnostic);
        var errors = diagnostic.Errors.Select(e => locator.Format(path, e.Pointer, e.Message)).ToList();
        return new SpecDocument(path, document ?? new OpenApiDocument(), errors, locator);
    }

    /// <summary>A problem at a JSON pointer, formatted with its line and column.</summary>
    public string Problem(string pointer, string message) => Locator.Format(Path, pointer, message);

    /// <summary>Every operation as (method, path, operation, path item).</summary>
    public IEnumerable<SpecOperation> Operations =>
        (Document.Paths ?? new OpenApiPaths())
            .SelectMany(p => p.Value.Operations.Select(o =>
                new SpecOperation(o.Key.ToString().ToUpperInvariant(), p.Key, o.Value, p.Value)));
}

/// <summary>One operation of a document.</summary>
internal sealed record SpecOperation(string Method, string Path, OpenApiOperation Operation, OpenApiPathItem PathItem)
{
    public string Key => $"{Method} {Path}";

    public string Pointer => $"#/paths/{Path.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}/{Method.ToLowerInvariant()}";
}

/// <summary>The file could not be read at all.</summary>
internal sealed class SpecLoadException(string message) : Exception(message);
