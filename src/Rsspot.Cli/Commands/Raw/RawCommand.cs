using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Raw;

/// <summary><c>raw --method --path [--params-json] [--body-json]</c>: any API call, JSON in and out.</summary>
internal static class RawCommand
{
    /// <param name="Method">The HTTP method.</param>
    /// <param name="Path">The API path ({namespace} is replaced by the organization's).</param>
    /// <param name="Query">Query parameters, or null.</param>
    /// <param name="Body">The request body, or null.</param>
    /// <param name="Yes">Whether a DELETE goes ahead without asking.</param>
    internal sealed record Options(string Method, string Path, IReadOnlyDictionary<string, string>? Query, JsonNode? Body, bool Yes);

    public static Command Create(CliSession session)
    {
        var method = new Option<string>("--method", "-X") { Description = "HTTP method", DefaultValueFactory = _ => "GET" };
        method.CompletionSources.Add("GET", "POST", "PUT", "PATCH", "DELETE");
        var path = new Option<string>("--path") { Description = "API path; {namespace} is replaced by your org's namespace", Required = true };
        var paramsJson = new Option<string?>("--params-json") { Description = "Query parameters as a JSON object, e.g. '{\"labelSelector\":\"a=b\"}'" };
        var bodyJson = new Option<string?>("--body-json") { Description = "Request body as JSON (PATCH sends merge-patch+json)" };
        var yes = Cmd.Yes();
        return Cmd.New(
            "raw",
            """
            Call any Spot API path (authenticated); prints the JSON answer (table output shows it as JSON too).

            A DELETE asks for confirmation like every delete (pass --yes when stdin is not a terminal).

            Example:
              rsspot raw --method GET --path /apis/ngpc.rxt.io/v1/namespaces/{namespace}/cloudspaces
            """,
            method,
            path,
            paramsJson,
            bodyJson,
            yes).Runs(session, (p, ct) => RunAsync(
                new Options(p.GetValue(method)!, p.GetValue(path)!, Query(p.GetValue(paramsJson)), Parse(p.GetValue(bodyJson), "--body-json"), p.GetValue(yes)),
                session,
                ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        if (string.Equals(options.Method.Trim(), "DELETE", StringComparison.OrdinalIgnoreCase))
        {
            session.Confirm($"DELETE {options.Path}", options.Yes);
        }

        var result = await session.Client.Raw.SendAsync(options.Method, options.Path, options.Query, options.Body, ct).ConfigureAwait(false);
        if (session.Output.IsTable)
        {
            // Arbitrary JSON has no columns: print it indented (still redacted).
            session.Output.Raw(JsonText.Write(OutputRedaction.Redact(result)) + "\n");
            return;
        }

        session.Output.Write(result, () => new TableView());
    }

    private static Dictionary<string, string>? Query(string? paramsJson) => Parse(paramsJson, "--params-json") switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(kv => kv.Key, kv => kv.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : kv.Value?.ToJsonString() ?? string.Empty),
        _ => throw new CliUsageException("--params-json: give a JSON object, e.g. '{\"labelSelector\":\"a=b\"}'."),
    };

    private static JsonNode? Parse(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new CliUsageException($"{flag}: not valid JSON ({ex.Message}).", ex);
        }
    }
}
