using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rsspot.Emulator.Api;

/// <summary>
/// A Kubernetes equality-based label selector: <c>k=v</c> (or <c>k==v</c>), <c>k!=v</c>, <c>k</c> (exists),
/// <c>!k</c> (does not exist); requirements separated by commas must all hold.
/// </summary>
internal sealed partial class LabelSelector
{
    private readonly List<Requirement> _requirements;

    private LabelSelector(List<Requirement> requirements) => _requirements = requirements;

    public static LabelSelector Everything { get; } = new([]);

    public static bool TryParse(string? text, out LabelSelector selector, out string error)
    {
        selector = Everything;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var requirements = new List<Requirement>();
        foreach (var rawPart in text.Split(','))
        {
            var part = rawPart.Trim();
            if (!TryParseRequirement(part, out var requirement))
            {
                error = $"unable to parse requirement: \"{part}\" in label selector \"{text}\"";
                return false;
            }

            requirements.Add(requirement);
        }

        selector = new LabelSelector(requirements);
        return true;
    }

    public bool Matches(JsonObject resource)
    {
        var labels = resource["metadata"]?["labels"] as JsonObject;
        foreach (var requirement in _requirements)
        {
            string? value = null;
            var has = labels is not null && labels.TryGetPropertyValue(requirement.Key, out var node) && TryGetString(node, out value);
            var ok = requirement.Operator switch
            {
                Op.Equals => has && value == requirement.Value,
                Op.NotEquals => !has || value != requirement.Value,
                Op.Exists => has,
                _ => !has,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryGetString(JsonNode? node, out string? value)
    {
        value = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString();
        return node is not null;
    }

    private static bool TryParseRequirement(string part, out Requirement requirement)
    {
        requirement = default;
        if (part.Length == 0)
        {
            return false;
        }

        if (part.StartsWith('!') && !part.Contains('='))
        {
            var key = part[1..].Trim();
            requirement = new Requirement(key, Op.NotExists, null);
            return KeyPattern().IsMatch(key);
        }

        string k;
        string v;
        Op op;
        var notEquals = part.IndexOf("!=", StringComparison.Ordinal);
        var doubleEquals = part.IndexOf("==", StringComparison.Ordinal);
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        if (notEquals >= 0)
        {
            (k, v, op) = (part[..notEquals], part[(notEquals + 2)..], Op.NotEquals);
        }
        else if (doubleEquals >= 0)
        {
            (k, v, op) = (part[..doubleEquals], part[(doubleEquals + 2)..], Op.Equals);
        }
        else if (equals >= 0)
        {
            (k, v, op) = (part[..equals], part[(equals + 1)..], Op.Equals);
        }
        else
        {
            requirement = new Requirement(part, Op.Exists, null);
            return KeyPattern().IsMatch(part);
        }

        k = k.Trim();
        v = v.Trim();
        requirement = new Requirement(k, op, v);
        return KeyPattern().IsMatch(k) && ValuePattern().IsMatch(v);
    }

    // Optional DNS-subdomain prefix and "/", then a name of up to 63 characters.
    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$")]
    private static partial Regex ValuePattern();

    private enum Op
    {
        Equals,
        NotEquals,
        Exists,
        NotExists,
    }

    private readonly record struct Requirement(string Key, Op Operator, string? Value);
}
