using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Emulator;

namespace Rsspot.Cli.Commands;

/// <summary><c>emulator start</c>: a local Spot API on 127.0.0.1 and the <c>rsspot configure</c> line for it.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CliSession s)
    {
        var port = new Option<int>("--port") { Description = $"TCP port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => EmulatorCommandLine.DefaultPort };
        var data = new Option<string?>("--data") { Description = "Keep the emulator's state in this JSON file across restarts", HelpName = "file" };
        var refreshToken = new Option<string?>("--refresh-token") { Description = "Refresh token the emulator accepts" };
        var tokenLifetime = new Option<int?>("--token-lifetime") { Description = "id_token lifetime in seconds" };
        var readyAfter = new Option<int?>("--ready-after") { Description = "Seconds a new cloudspace stays Provisioning" };
        var start = Cmd.New(
            "start",
            """
            Run a local, stateful Spot API (API, OAuth and price documents on one URL) until Ctrl+C, and print the
            'rsspot configure' line that points a profile at it. The global --org names its first organization.
            Fault options of the emulator pass through: --latency-ms, --fail-rate, --rate-limit-rate, --drop-rate, ...

            Example:
              rsspot emulator start --port 5080 --data ~/.rsspot-sandbox.json
            """,
            port,
            data,
            refreshToken,
            tokenLifetime,
            readyAfter);
        start.TreatUnmatchedTokensAsErrors = false;
        start.Runs(s, async (p, ct) =>
        {
            var args = new List<string> { "--port", p.GetValue(port).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            Add(args, "--data", p.GetValue(data));
            Add(args, "--refresh-token", p.GetValue(refreshToken));
            Add(args, "--org", p.GetValue(s.Globals.Org));
            Add(args, "--token-lifetime", p.GetValue(tokenLifetime)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Add(args, "--ready-after", p.GetValue(readyAfter)?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            args.AddRange(p.UnmatchedTokens);
            EmulatorOptions options;
            try
            {
                options = EmulatorCommandLine.Parse(args);
            }
            catch (ArgumentException ex)
            {
                throw new CliUsageException(ex.Message, ex);
            }

            await using var host = await EmulatorHost.StartAsync(options, ct).ConfigureAwait(false);
            await s.Out.WriteLineAsync(Banner(host)).ConfigureAwait(false);
            await s.Out.FlushAsync(ct).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C is the normal way to stop.
            }

            await s.Err.WriteLineAsync("Spot emulator stopped.").ConfigureAwait(false);
        });

        return Cmd.Group("emulator", "A local Spot API to try rsspot without an account", start);
    }

    private static void Add(List<string> args, string flag, string? value)
    {
        if (value is not null)
        {
            args.Add(flag);
            args.Add(value);
        }
    }

    internal static string Banner(EmulatorHost host) => $"""
        Spot emulator listening on {host.BaseUrl} (organization {host.OrganizationName}, state {(host.Options.DataFile is { } file ? "in " + Path.GetFullPath(file) : "in memory")}).
        Point rsspot at it (paste):
          rsspot configure --profile emulator --activate --base-url {host.BaseUrl} --oauth-url {host.BaseUrl} --price-data-url {host.BaseUrl} --refresh-token {host.RefreshToken} --org {host.OrganizationName}
        Then try: rsspot regions list; rsspot pricing build --nodes 3. Press Ctrl+C to stop.
        """;
}
