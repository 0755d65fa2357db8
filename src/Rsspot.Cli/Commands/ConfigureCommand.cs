using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Configuration;
using Rsspot.Security;

namespace Rsspot.Cli.Commands;

/// <summary><c>configure</c>: writes a profile (flags, or prompts in a terminal when no flag is given).</summary>
internal static class ConfigureCommand
{
    public static Command Create(CliSession s)
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

        return command.Runs(s, p =>
        {
            var update = new ProfileConfig
            {
                Org = p.GetValue(s.Globals.Org),
                OrgId = p.GetValue(orgId),
                Region = p.GetValue(s.Globals.Region),
                RefreshToken = p.GetValue(refreshToken),
                AccessToken = p.GetValue(accessToken),
                ClientId = p.GetValue(clientId),
                BaseUrl = p.GetValue(baseUrl),
                OAuthUrl = p.GetValue(oauthUrl),
                PriceDataUrl = p.GetValue(priceDataUrl),
                RequestTimeoutSeconds = TimeoutSeconds(p.GetValue(timeout)),
            };
            if (update == new ProfileConfig())
            {
                update = s.Terminal.StdinIsTerminal && s.Terminal.StdoutIsTerminal
                    ? s.Prompt(() => new ConfigurePrompt(s.In, s.Keys, s.Err).Ask())
                    : throw new CliUsageException("configure: nothing to set. Pass flags such as --org, --region, --refresh-token (stdin is not a terminal, so rsspot cannot ask).");
            }

            foreach (var url in new[] { ("--base-url", update.BaseUrl), ("--oauth-url", update.OAuthUrl), ("--price-data-url", update.PriceDataUrl) })
            {
                if (url.Item2 is not null && !Uri.TryCreate(url.Item2, UriKind.Absolute, out _))
                {
                    throw new CliUsageException($"{url.Item1}: '{SecretPolicy.RedactUrlCredentials(url.Item2)}' is not an absolute URL (e.g. https://spot.rackspace.com).");
                }
            }

            if (p.GetValue(activate) && p.GetValue(noActivate))
            {
                throw new CliUsageException("configure: --activate and --no-activate contradict each other; give one.");
            }

            string name = null!;
            var activated = false;
            var store = ConfigStore.Update(s.WritableConfigPath(), store =>
            {
                var config = store.ToConfig();
                name = s.ProfileName ?? config.ActiveProfile ?? config.DefaultProfile ?? "default";
                var first = config.Profiles.Count == 0 && config.ActiveProfile is null && config.DefaultProfile is null;
                store.SaveProfile(name, update);
                activated = p.GetValue(activate) || (first && !p.GetValue(noActivate));
                if (activated)
                {
                    store.SetActiveProfile(name);
                }
            });
            var saved = store.ToRedactedDocument()["profiles"]?[name]?.DeepClone();
            var json = new JsonObject { ["profile"] = name, ["path"] = store.Path, ["active"] = activated, ["settings"] = saved };
            s.Output.Write(json, () => Output.TableView.Pairs([("profile", name), ("path", store.Path), ("active", activated ? "yes" : "no")]));
            s.Output.Note($"Saved profile '{name}' to {store.Path} (mode 0600). Try: rsspot regions list{(activated ? string.Empty : " --profile " + name)}");
        });
    }

    private static double? TimeoutSeconds(double? seconds) =>
        seconds is not { } value || (double.IsFinite(value) && value is >= SettingRanges.MinTimeoutSeconds and <= SettingRanges.MaxTimeoutSeconds)
            ? seconds
            : throw new CliUsageException($"--request-timeout: {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range; give seconds from {SettingRanges.MinTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} to {SettingRanges.MaxTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
}
