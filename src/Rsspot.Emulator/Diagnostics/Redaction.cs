using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Diagnostics;

/// <summary>Removes secrets (tokens, kubeconfigs, passwords) from headers, queries and bodies before they are logged.</summary>
internal static class Redaction
{
    private static readonly HashSet<string> SecretFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "refresh_token", "refreshToken", "id_token", "idToken", "access_token", "accessToken", "token",
        "client_secret", "clientSecret", "password", "kubeconfig", "secret",
    };

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Cookie", "Set-Cookie", "X-Api-Key", "Proxy-Authorization",
    };

    public static string Header(string name, string value)
    {
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            return space > 0 ? value[..space] + " " + RequestLogEntry.Redacted : RequestLogEntry.Redacted;
        }

        return SecretHeaders.Contains(name) ? RequestLogEntry.Redacted : value;
    }

    /// <summary>A query string (with its leading '?') with secret parameters replaced.</summary>
    public static string Query(string query) =>
        string.IsNullOrEmpty(query) ? string.Empty : "?" + Form(query.TrimStart('?'));

    public static string Body(string? contentType, string body)
    {
        if (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                var node = RequestBody.ParseJson(body);
                return node is null ? body : Json(node).ToJsonString();
            }
            catch (JsonException)
            {
                return body;
            }
        }

        return contentType?.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true ? Form(body) : body;
    }

    private static string Form(string form)
    {
        var builder = new StringBuilder();
        foreach (var pair in new QueryStringEnumerable(form))
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            var name = pair.DecodeName().ToString();
            builder.Append(pair.EncodedName).Append('=');
            builder.Append(SecretFields.Contains(name) ? RequestLogEntry.Redacted : pair.EncodedValue.ToString());
        }

        return builder.ToString();
    }

    private static JsonNode Json(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (SecretFields.Contains(name))
                    {
                        obj[name] = RequestLogEntry.Redacted;
                    }
                    else if (obj[name] is { } child)
                    {
                        Json(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Json(item);
                    }
                }

                break;
        }

        return node;
    }
}
