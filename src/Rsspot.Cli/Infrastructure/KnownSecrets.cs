using Rsspot.Configuration;
using Rsspot.Security;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// The secret values this invocation knows: tokens and URL passwords of every profile of the config (after
/// environment overrides), and the values given to secret flags on the command line. Any of them is masked
/// wherever it appears in text, whatever flag or field carried it.
/// </summary>
internal sealed class KnownSecrets
{
    private readonly List<string> _values = [];

    public static KnownSecrets Collect(IReadOnlyList<string> args, ResolvedConfig? config)
    {
        var secrets = new KnownSecrets();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (SecretPolicy.IsSecretName(eq >= 0 ? arg[..eq] : arg))
            {
                secrets.Add(eq >= 0 ? arg[(eq + 1)..] : i + 1 < args.Count ? args[i + 1] : null);
            }
        }

        if (config is not null)
        {
            foreach (var name in config.ProfileNames.Append(null))
            {
                secrets.AddProfile(config, name);
            }
        }

        return secrets;
    }

    public void AddProfile(EffectiveProfile profile)
    {
        foreach (var value in profile.SecretValues())
        {
            Add(value);
        }
    }

    public void Add(string? value)
    {
        if (value is { Length: >= SecretPolicy.MinimumSecretLength } && !_values.Contains(value, StringComparer.Ordinal))
        {
            _values.Add(value);
        }
    }

    public string Mask(string text) => SecretPolicy.MaskKnownValues(text, _values);

    private void AddProfile(ResolvedConfig config, string? name)
    {
        try
        {
            AddProfile(config.GetProfile(name));
        }
        catch (SpotException)
        {
            // A profile that does not resolve has no values to collect.
        }
    }
}
