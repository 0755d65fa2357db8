using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Services;

namespace Rsspot.Cli.Input;

/// <summary>
/// Inline node pools: <c>desired=2,serverclass=gp.vs1.medium-dfw,bidprice=0.08</c> or the same as a JSON object
/// (keys: serverclass, desired, bidprice, name, min, max; any case, '-' and '_' ignored).
/// </summary>
internal static class PoolSpecs
{
    public static Dictionary<string, string> Fields(string text, string flag)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                return FromObject(JsonNode.Parse(trimmed) as JsonObject ?? throw new CliUsageException($"{flag}: '{text}' is not a JSON object."), flag);
            }
            catch (JsonException ex)
            {
                throw new CliUsageException($"{flag}: '{text}' is not valid JSON ({ex.Message}).", ex);
            }
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CliUsageException($"{flag}: '{part}' is invalid; write key=value pairs such as desired=2,serverclass=gp.vs1.medium-dfw,bidprice=0.08.");
            }

            fields[KeyValues.NormalizeKey(part[..eq].Trim())] = part[(eq + 1)..].Trim();
        }

        return fields;
    }

    public static Dictionary<string, string> FromObject(JsonObject obj, string flag) =>
        obj.Where(kv => kv.Value is JsonValue).ToDictionary(
            kv => KeyValues.NormalizeKey(kv.Key),
            kv => kv.Value!.GetValueKind() == JsonValueKind.String ? kv.Value.GetValue<string>() : kv.Value.ToJsonString(),
            StringComparer.Ordinal);

    public static SpotNodePoolRequest Spot(IReadOnlyDictionary<string, string> fields, string cloudspace, string flag)
    {
        Known(fields, flag, "serverclass", "desired", "bidprice", "name", "min", "max", "key");
        var serverClass = Required(fields, "serverclass", flag);
        var bid = Checked(fields, "bidprice", flag, text => BidPrice.Parse(text));
        var min = Int(fields, "min", flag);
        var max = Int(fields, "max", flag);
        if (min is not null && max is not null && min > max)
        {
            throw new CliUsageException($"{flag}: min={min},max={max} is invalid; the autoscaling minimum must not exceed the maximum.");
        }

        return new SpotNodePoolRequest(cloudspace, serverClass, bid)
        {
            Name = PoolName(fields, flag),
            PoolLabels = KeyLabel(fields),
            Desired = Int(fields, "desired", flag) ?? 1,
            Autoscaling = min is not null || max is not null ? new AutoscalingRange(min ?? max!.Value, max ?? min!.Value) : null,
        };
    }

    public static OnDemandNodePoolRequest OnDemand(IReadOnlyDictionary<string, string> fields, string cloudspace, string flag)
    {
        Known(fields, flag, "serverclass", "desired", "name", "key");
        return new OnDemandNodePoolRequest(cloudspace, Required(fields, "serverclass", flag))
        {
            Name = PoolName(fields, flag),
            PoolLabels = KeyLabel(fields),
            Desired = Int(fields, "desired", flag) ?? 1,
        };
    }

    // A pool created with a key is the same pool to `rsspot apply` later.
    private static Dictionary<string, string>? KeyLabel(IReadOnlyDictionary<string, string> fields) =>
        fields.TryGetValue("key", out var key) ? new(StringComparer.Ordinal) { [Rsspot.Apply.ApplyService.PoolKeyLabel] = key } : null;

    private static string? PoolName(IReadOnlyDictionary<string, string> fields, string flag) =>
        fields.ContainsKey("name") ? Checked(fields, "name", flag, text => { SpotNames.EnsurePoolName(text); return text; }) : null;

    /// <summary>Runs the SDK's check of one key's value; its complaint names the key as written in the spec.</summary>
    private static T Checked<T>(IReadOnlyDictionary<string, string> fields, string key, string flag, Func<string, T> parse)
    {
        var text = Required(fields, key, flag);
        try
        {
            return parse(text);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"{flag}: {key}='{text}' is invalid: {FlagNames.PlainMessage(ex)}", ex);
        }
    }

    private static void Known(IReadOnlyDictionary<string, string> fields, string flag, params string[] keys)
    {
        foreach (var key in fields.Keys.Where(k => !keys.Contains(k)))
        {
            throw new CliUsageException($"{flag}: {NearestKey.Describe(key, keys)}");
        }
    }

    private static string Required(IReadOnlyDictionary<string, string> fields, string key, string flag) =>
        fields.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CliUsageException($"{flag}: '{key}' is required (e.g. {flag} desired=2,serverclass=gp.vs1.medium-dfw,bidprice=0.08).");

    private static int? Int(IReadOnlyDictionary<string, string> fields, string key, string flag)
    {
        if (!fields.TryGetValue(key, out var text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new CliUsageException($"{flag}: {key}='{text}' is invalid; give a whole number, 0 or more.");
    }
}
