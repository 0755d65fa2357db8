using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Cli.Output;

/// <summary>
/// Masks credentials in printed results: fields named like a credential (refresh/access/id token, password,
/// client secret, kubeconfig, authorization) and any JWT-shaped value. Narrower than SecretRedactor.RedactTree on
/// purpose: API objects have public fields such as a taint's "key" or "sshSecretName" that must print as they are.
/// </summary>
internal static class OutputRedaction
{
    private static readonly HashSet<string> SecretFields = new(StringComparer.Ordinal)
    {
        "refreshtoken", "accesstoken", "idtoken", "token", "password", "secret", "clientsecret", "kubeconfig", "authorization", "bearer",
    };

    public static JsonNode? Redact(JsonNode? node) => Copy(null, node);

    private static JsonNode? Copy(string? name, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                return new JsonObject(obj.Select(kv => KeyValuePair.Create(kv.Key, Copy(kv.Key, kv.Value))));
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Copy(name, item))]);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                var secret = text != "<redacted>" && ((name is not null && SecretFields.Contains(Normalize(name)) && text.Length > 0)
                    || (text.StartsWith("eyJ", StringComparison.Ordinal) && text.Length >= 16));
                return JsonValue.Create(secret ? SecretRedactor.Mask : text);
            default:
                return node?.DeepClone();
        }
    }

    private static string Normalize(string name) =>
        name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
