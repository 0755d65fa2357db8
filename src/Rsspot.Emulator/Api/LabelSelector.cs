using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Rsspot.Emulator.Api;

/// <summary>
/// A Kubernetes label selector: requirements separated by commas that must all hold. Equality-based
/// <c>k=v</c> (or <c>k==v</c>) and <c>k!=v</c>, set-based <c>k in (a,b)</c> and <c>k notin (a,b)</c>, existence
/// <c>k</c> and <c>!k</c>. Commas inside a value set separate values, not requirements.
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

        var parser = new Parser(Lex(text));
        if (!parser.TryParse(out var requirements, out var reason))
        {
            error = $"unable to parse requirement: {reason} in label selector \"{text}\"";
            return false;
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
                Op.In => has && requirement.Values.Contains(value!),
                Op.NotIn => !has || !requirement.Values.Contains(value!),
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

    // Symbols ! != ( ) , = == and identifiers (runs of anything else but white space), as Kubernetes lexes selectors.
    private static List<string> Lex(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if ((c is '!' or '=') && i + 1 < text.Length && text[i + 1] == '=')
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
            }
            else if (c is '!' or '(' or ')' or ',' or '=')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('!' or '(' or ')' or ',' or '='))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }

    private static bool IsSymbol(string? token) => token is "!" or "!=" or "(" or ")" or "," or "=" or "==";

    // Optional DNS-subdomain prefix and "/", then a name of up to 63 characters.
    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$")]
    private static partial Regex ValuePattern();

    private enum Op
    {
        In,
        NotIn,
        Exists,
        NotExists,
    }

    private sealed record Requirement(string Key, Op Operator, IReadOnlySet<string> Values);

    private sealed class Parser(List<string> tokens)
    {
        private int _position;

        private string? Peek => _position < tokens.Count ? tokens[_position] : null;

        public bool TryParse(out List<Requirement> requirements, out string error)
        {
            requirements = [];
            while (true)
            {
                if (!TryRequirement(out var requirement, out error))
                {
                    return false;
                }

                requirements.Add(requirement);
                switch (Next())
                {
                    case null:
                        return true;
                    case ",":
                        continue;
                    case var other:
                        error = $"found '{other}', expected ','";
                        return false;
                }
            }
        }

        private bool TryRequirement(out Requirement requirement, out string error)
        {
            requirement = new Requirement(string.Empty, Op.Exists, new HashSet<string>());
            error = string.Empty;
            var negated = Peek == "!";
            if (negated)
            {
                _position++;
            }

            if (!TryKey(out var key, out error))
            {
                return false;
            }

            if (negated || Peek is null or ",")
            {
                requirement = requirement with { Key = key, Operator = negated ? Op.NotExists : Op.Exists };
                return true;
            }

            var op = Next();
            switch (op)
            {
                case "=" or "==" or "!=":
                    var value = Peek is null or "," ? string.Empty : Next()!;
                    if (IsSymbol(value) || !ValuePattern().IsMatch(value))
                    {
                        error = $"invalid label value \"{value}\" for key \"{key}\"";
                        return false;
                    }

                    requirement = new Requirement(key, op == "!=" ? Op.NotIn : Op.In, new HashSet<string>(StringComparer.Ordinal) { value });
                    return true;
                case "in" or "notin":
                    if (!TryValueSet(key, op, out var values, out error))
                    {
                        return false;
                    }

                    requirement = new Requirement(key, op == "in" ? Op.In : Op.NotIn, values);
                    return true;
                default:
                    error = $"found '{op}', expected one of: in, notin, =, ==, !=";
                    return false;
            }
        }

        private bool TryKey(out string key, out string error)
        {
            key = Next() ?? string.Empty;
            error = string.Empty;
            if (key.Length == 0 || IsSymbol(key) || !KeyPattern().IsMatch(key))
            {
                error = key.Length == 0 ? "a key is missing" : $"invalid label key \"{key}\"";
                return false;
            }

            return true;
        }

        // "(" value ("," value)* ")": at least one value; an empty value is allowed, as in Kubernetes.
        private bool TryValueSet(string key, string op, out IReadOnlySet<string> values, out string error)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            values = set;
            error = string.Empty;
            if (Next() != "(")
            {
                error = $"expected '(' after '{op}' for key \"{key}\"";
                return false;
            }

            if (Peek == ")")
            {
                error = $"for '{op}', the set of values for key \"{key}\" must not be empty";
                return false;
            }

            while (true)
            {
                var value = Peek is "," or ")" ? string.Empty : Next();
                if (value is null || IsSymbol(value) || !ValuePattern().IsMatch(value))
                {
                    error = value is null ? $"the value set of key \"{key}\" is not closed with ')'" : $"invalid label value \"{value}\" for key \"{key}\"";
                    return false;
                }

                set.Add(value);
                switch (Next())
                {
                    case ")":
                        return true;
                    case ",":
                        continue;
                    default:
                        error = $"the value set of key \"{key}\" is not closed with ')'";
                        return false;
                }
            }
        }

        private string? Next() => _position < tokens.Count ? tokens[_position++] : null;
    }
}
