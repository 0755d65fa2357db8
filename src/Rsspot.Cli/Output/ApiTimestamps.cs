using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rsspot.Cli.Output;

/// <summary>
/// Writes date-times of the API's objects as the API writes them (RFC 3339 in UTC with <c>Z</c>:
/// <c>2026-12-07T02:09:47Z</c>), not as the models re-serialise them (<c>2026-12-07T02:09:47+00:00</c>).
/// Only the fields the API types as date-time are touched; maps of user data (labels, annotations) never are.
/// </summary>
internal static class ApiTimestamps
{
    private static readonly HashSet<string> DateTimeFields = new(StringComparer.Ordinal)
    {
        "creationTimestamp", "deletionTimestamp", "firstReadyTimestamp", "lastTransitionTime", "lastUpdateTime", "lastAttemptTime", "cooldownUntil", "time",
    };

    private static readonly HashSet<string> UserMaps = new(StringComparer.Ordinal)
    {
        "labels", "annotations", "customLabels", "customAnnotations",
    };

    /// <summary>The same tree with its date-time fields in the API's form (changes <paramref name="node"/> in place and returns it).</summary>
    public static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(kv => kv.Key).ToList())
                {
                    if (UserMaps.Contains(key))
                    {
                        continue;
                    }

                    if (DateTimeFields.Contains(key) && obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                    {
                        obj[key] = Format(value.GetValue<string>());
                    }
                    else
                    {
                        Normalize(obj[key]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Normalize(item);
                }

                break;
        }

        return node;
    }

    /// <summary>A UTC instant written with <c>Z</c> and only the fraction it has; other text is returned unchanged.</summary>
    public static string Format(string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) || at.Offset != TimeSpan.Zero)
        {
            return text;
        }

        return at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z";
    }
}
