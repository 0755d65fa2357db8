using Rsspot.Configuration;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// The environment variables one invocation sees: the process's, or a given set (a command run in process, e.g. by
/// the tests), so that no command reads <see cref="System.Environment"/> itself.
/// </summary>
internal sealed class CliEnvironment
{
    private readonly Dictionary<string, string>? _variables;

    private CliEnvironment(Dictionary<string, string>? variables) => _variables = variables;

    /// <summary>The real process environment (and the SDK's own defaults for home and config).</summary>
    public static CliEnvironment Process { get; } = new(null);

    /// <summary>Exactly the given variables (a snapshot is taken); HOME among them is the home directory.</summary>
    public static CliEnvironment Of(IReadOnlyDictionary<string, string> variables) => new(new Dictionary<string, string>(variables, StringComparer.Ordinal));

    /// <summary>The variables for the SDK's config resolution, or null for the process's own.</summary>
    public IReadOnlyDictionary<string, string>? Variables => _variables;

    /// <summary>The variables for <see cref="ConfigResolver"/>, or null for the process's own.</summary>
    public ConfigEnvironment? ForConfig => _variables is null ? null : ConfigEnvironment.FromDictionary(_variables);

    /// <summary>The home directory to resolve config against, or null for the process's own.</summary>
    public string? HomeDirectory => _variables is null ? null : Get("HOME");

    /// <summary>The value of <paramref name="name"/>, or null when unset.</summary>
    public string? Get(string name) =>
        _variables is null ? System.Environment.GetEnvironmentVariable(name) : _variables.TryGetValue(name, out var value) ? value : null;
}
