using System.Collections;

namespace Rsspot.Configuration;

/// <summary>
/// Read access to environment variables, injectable so that tests and embedding apps control what the
/// config resolver sees.
/// </summary>
public sealed class ConfigEnvironment
{
    private readonly Func<string, string?> _lookup;

    /// <summary>Creates an environment backed by a lookup function.</summary>
    /// <param name="lookup">Returns the value of a variable, or <see langword="null"/> when unset.</param>
    public ConfigEnvironment(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        _lookup = lookup;
    }

    /// <summary>The real process environment.</summary>
    public static ConfigEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>An environment with no variables.</summary>
    public static ConfigEnvironment Empty { get; } = new(_ => null);

    /// <summary>An environment holding exactly the given variables (a snapshot is taken).</summary>
    /// <param name="variables">Variable names and values.</param>
    /// <returns>The environment.</returns>
    public static ConfigEnvironment FromDictionary(IEnumerable<KeyValuePair<string, string>> variables)
    {
        var copy = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        return new ConfigEnvironment(name => copy.TryGetValue(name, out string? value) ? value : null);
    }

    /// <summary>An environment holding the entries of a non-generic dictionary (as returned by <see cref="Environment.GetEnvironmentVariables()"/>).</summary>
    /// <param name="variables">Variable names and values.</param>
    /// <returns>The environment.</returns>
    public static ConfigEnvironment FromEnvironmentVariables(IDictionary variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                copy[key] = value;
            }
        }

        return FromDictionary(copy);
    }

    /// <summary>The value of one variable, or <see langword="null"/> when unset or empty.</summary>
    /// <param name="name">The variable name.</param>
    /// <returns>The value or <see langword="null"/>.</returns>
    public string? Get(string name)
    {
        string? value = _lookup(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The first variable of an alias list that is set to a non-empty value.</summary>
    /// <param name="aliases">Variable names in priority order.</param>
    /// <returns>The name and value, or <see langword="null"/> when none is set.</returns>
    public (string Name, string Value)? First(IEnumerable<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (string name in aliases)
        {
            string? value = Get(name);
            if (value is not null)
            {
                return (name, value);
            }
        }

        return null;
    }
}
