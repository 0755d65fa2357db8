using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands;

/// <summary><c>raw --method --path [--params-json] [--body-json]</c>: any API call, JSON in and out.</summary>
internal static class RawCommand
{
    public static Command Create(CliSession s)
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
            yes).Runs(s, async (p, ct) =>
        {
            if (string.Equals(p.GetValue(method)?.Trim(), "DELETE", StringComparison.OrdinalIgnoreCase))
            {
                s.Confirm($"DELETE {p.GetValue(path)}", p.GetValue(yes));
            }

            var query = Parse(p.GetValue(paramsJson), "--params-json") switch
            {
                null => null,
                JsonObject obj => obj.ToDictionary(kv => kv.Key, kv => kv.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : kv.Value?.ToJsonString() ?? string.Empty),
                _ => throw new CliUsageException("--params-json: give a JSON object, e.g. '{\"labelSelector\":\"a=b\"}'."),
            };
            var result = await s.Client.Raw.SendAsync(p.GetValue(method)!, p.GetValue(path)!, query, Parse(p.GetValue(bodyJson), "--body-json"), ct).ConfigureAwait(false);
            if (s.Output.IsTable)
            {
                // Arbitrary JSON has no columns: print it indented (still redacted).
                s.Output.Raw(JsonText.Write(OutputRedaction.Redact(result)) + "\n");
                return;
            }

            s.Output.Write(result, () => new TableView());
        });
    }

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
