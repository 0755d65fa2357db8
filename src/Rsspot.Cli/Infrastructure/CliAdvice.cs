using System.Net;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// The rsspot commands and flags that fix an SDK error. The SDK's messages name settings, never CLI flags; its
/// exceptions carry the data (the config key, the status code) from which this picks the advice.
/// </summary>
internal static class CliAdvice
{
    public const string NewRefreshToken = " With rsspot: rsspot configure --refresh-token <token>.";

    public static string For(ConfigException error) => error.Key switch
    {
        "org" => " With rsspot: --org <name or id>, or rsspot configure --org <name>.",
        { } key when key.StartsWith("profiles.", StringComparison.Ordinal) && key.IndexOf('.', "profiles.".Length) > 0 =>
            $" With rsspot: rsspot configure --profile {key["profiles.".Length..key.IndexOf('.', "profiles.".Length)]}.",
        { } key when key.StartsWith("profiles.", StringComparison.Ordinal) =>
            $" With rsspot: --profile <existing profile>, or rsspot configure --profile {key["profiles.".Length..]}.",
        _ => string.Empty,
    };

    public static string For(SpotApiException error) => error switch
    {
        // Regions and server classes are the same for every organization: --org would not help.
        { IsNotFound: true } when error.Operation.StartsWith("get region ", StringComparison.Ordinal) => " (rsspot regions list shows the regions.)",
        { IsNotFound: true } when error.Operation.StartsWith("get server class ", StringComparison.Ordinal) => " (rsspot server-classes list shows the classes.)",
        { IsNotFound: true } or { StatusCode: HttpStatusCode.Forbidden } => " (--org selects the organization.)",
        _ => string.Empty,
    };
}
