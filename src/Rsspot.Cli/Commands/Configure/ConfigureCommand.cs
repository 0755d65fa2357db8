using System.CommandLine;
using System.Globalization;
using System.Text;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Configuration;
using Rsspot.Security;

namespace Rsspot.Cli.Commands.Configure;

/// <summary><c>configure</c>: writes a profile (flags, or prompts in a terminal when no flag is given).</summary>
internal static class ConfigureCommand
{
    /// <param name="Org">Organization name (<c>--org</c>).</param>
    /// <param name="OrgId">Organization id.</param>
    /// <param name="Region">Default region (<c>--region</c>).</param>
    /// <param name="RefreshToken">Refresh token.</param>
    /// <param name="AccessToken">An id token to use while valid.</param>
    /// <param name="ClientId">OAuth client id.</param>
    /// <param name="BaseUrl">Spot API URL.</param>
    /// <param name="OAuthUrl">OAuth URL.</param>
    /// <param name="PriceDataUrl">Public price data URL.</param>
    /// <param name="RequestTimeout">Seconds allowed per HTTP attempt.</param>
    /// <param name="Activate">Make the profile the active one.</param>
    /// <param name="NoActivate">Never make the profile the active one.</param>
    internal sealed record Options(
        string? Org,
        string? OrgId,
        string? Region,
        string? RefreshToken,
        string? AccessToken,
        string? ClientId,
        string? BaseUrl,
        string? OAuthUrl,
        string? PriceDataUrl,
        double? RequestTimeout,
        bool Activate,
        bool NoActivate)
    {
        // The generated text would print the tokens.
        private bool PrintMembers(StringBuilder builder)
        {
            builder.Append("settings not shown");
            return true;
        }
    }

    public static Command Create(CliSession session)
    {
        var orgId = new Option<string?>("--org-id") { Description = "Organization id (when you do not use the name)" };
        var refreshToken = new Option<string?>("--refresh-token") { Description = "Refresh token from the Spot console (API access); stored in the config file (0600)" };
        var accessToken = new Option<string?>("--access-token") { Description = "An id_token to use while valid" };
        var clientId = new Option<string?>("--client-id") { Description = "OAuth client id (default: the public Spot client)" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Spot API URL (default https://spot.rackspace.com)" };
        var oauthUrl = new Option<string?>("--oauth-url") { Description = "OAuth URL (default https://login.spot.rackspace.com)" };
        var priceDataUrl = new Option<string?>("--price-data-url") { Description = "Public price data URL" };
        var timeout = new Option<double?>("--request-timeout") { Description = "Seconds allowed per HTTP attempt" };
        var activate = new Option<bool>("--activate") { Description = "Make this the active profile (done anyway for the first profile of the file)" };
        var noActivate = new Option<bool>("--no-activate") { Description = "Never make this the active profile, not even the first one" };
        var command = Cmd.New(
            "configure",
            """
            Create or update a profile in the config file (mode 0600). Without flags, in a terminal, asks for each value
            (the refresh token is not echoed).

            Examples:
              rsspot configure --org my-org --region us-central-dfw-1 --refresh-token <token>
              rsspot configure --profile sandbox --base-url http://127.0.0.1:5080 --oauth-url http://127.0.0.1:5080 --refresh-token rsspot-emulator-refresh-token --org sandbox
            """,
            orgId,
            refreshToken,
            accessToken,
            clientId,
            baseUrl,
            oauthUrl,
            priceDataUrl,
            timeout,
            activate,
            noActivate);

        return command.Runs(session, p => Run(
            new Options(
                p.GetValue(session.Globals.Org),
                p.GetValue(orgId),
                p.GetValue(session.Globals.Region),
                p.GetValue(refreshToken),
                p.GetValue(accessToken),
                p.GetValue(clientId),
                p.GetValue(baseUrl),
                p.GetValue(oauthUrl),
                p.GetValue(priceDataUrl),
                p.GetValue(timeout),
                p.GetValue(activate),
                p.GetValue(noActivate)),
            session));
    }

    public static void Run(Options options, CliSession session)
    {
        var update = new ProfileConfig
        {
            Org = options.Org,
            OrgId = options.OrgId,
            Region = options.Region,
            RefreshToken = options.RefreshToken,
            AccessToken = options.AccessToken,
            ClientId = options.ClientId,
            BaseUrl = options.BaseUrl,
            OAuthUrl = options.OAuthUrl,
            PriceDataUrl = options.PriceDataUrl,
            RequestTimeoutSeconds = TimeoutSeconds(options.RequestTimeout),
        };
        if (update == new ProfileConfig())
        {
            update = session.Terminal.StdinIsTerminal && session.Terminal.StdoutIsTerminal
                ? session.Prompt(() => new ConfigurePrompt(session.In, session.Keys, session.Err).Ask())
                : throw new CliUsageException("configure: nothing to set. Pass flags such as --org, --region, --refresh-token (stdin is not a terminal, so rsspot cannot ask).");
        }

        foreach (var url in new[] { ("--base-url", update.BaseUrl), ("--oauth-url", update.OAuthUrl), ("--price-data-url", update.PriceDataUrl) })
        {
            if (url.Item2 is not null && !Uri.TryCreate(url.Item2, UriKind.Absolute, out _))
            {
                throw new CliUsageException($"{url.Item1}: '{SecretPolicy.RedactUrlCredentials(url.Item2)}' is not an absolute URL (e.g. https://spot.rackspace.com).");
            }
        }

        if (options.Activate && options.NoActivate)
        {
            throw new CliUsageException("configure: --activate and --no-activate contradict each other; give one.");
        }

        string name = null!;
        var activated = false;
        var store = ConfigStore.Update(session.WritableConfigPath(), store =>
        {
            var config = store.ToConfig();
            name = session.ProfileName ?? config.ActiveProfile ?? config.DefaultProfile ?? "default";
            var first = config.Profiles.Count == 0 && config.ActiveProfile is null && config.DefaultProfile is null;
            store.SaveProfile(name, update);
            activated = options.Activate || (first && !options.NoActivate);
            if (activated)
            {
                store.SetActiveProfile(name);
            }
        });
        var saved = store.ToRedactedDocument()["profiles"]?[name]?.DeepClone();
        session.Output.Write(ConfigJson.Saved(name, store.Path, activated, saved), () => TableView.Pairs([("profile", name), ("path", store.Path), ("active", activated ? "yes" : "no")]));
        session.Output.Note($"Saved profile '{name}' to {store.Path} (mode 0600). Try: rsspot regions list{(activated ? string.Empty : " --profile " + name)}");
    }

    private static double? TimeoutSeconds(double? seconds) =>
        seconds is not { } value || (double.IsFinite(value) && value is >= SettingRanges.MinTimeoutSeconds and <= SettingRanges.MaxTimeoutSeconds)
            ? seconds
            : throw new CliUsageException($"--request-timeout: {value.ToString(CultureInfo.InvariantCulture)} is out of range; give seconds from {SettingRanges.MinTimeoutSeconds.ToString(CultureInfo.InvariantCulture)} to {SettingRanges.MaxTimeoutSeconds.ToString(CultureInfo.InvariantCulture)}.");
}
