using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rsspot.Cli.Input;

/// <summary>A place in a document a schema refused, and the keyword that refused it.</summary>
/// <param name="Path">The JSON pointer's segments, from the document's root.</param>
/// <param name="Keyword">The schema keyword (type, required, pattern, anyOf, ...).</param>
internal sealed record SchemaRefusal(IReadOnlyList<string> Path, string Keyword);
