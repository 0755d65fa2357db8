using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Profiles;

/// <summary><c>profiles show [NAME]</c>: a profile's effective settings, secrets redacted.</summary>
internal static class ShowCommand
{
    /// <param name="Name">The profile, or null for the selected one.</param>
    internal sealed record Options(string? Name);

    public static Command Create(CliSession session)
    {
        var name = new Argument<string?>("name") { Description = "Profile name (default: the selected profile)", Arity = ArgumentArity.ZeroOrOne };
        return Cmd.New("show", "Show a profile's effective settings (secrets redacted)", name).Runs(session, p => Run(new Options(p.GetValue(name)), session));
    }

    public static void Run(Options options, CliSession session)
    {
        var resolved = session.ResolveConfig();
        var profile = resolved.GetProfile(options.Name ?? session.ProfileName);
        session.Output.Write(ProfileJson.Of(profile, profile.Name == resolved.SelectProfile(session.ProfileName).Name), () => TableView.Pairs(profile.ToRedactedPairs().Select(kv => (kv.Key, kv.Value))));
    }
}
