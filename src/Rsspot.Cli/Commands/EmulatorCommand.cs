using System.CommandLine;
using System.Globalization;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands;

/// <summary><c>emulator start</c>: a local Spot API on 127.0.0.1 and the <c>rsspot configure</c> line for it.</summary>
internal static class EmulatorCommand
{
    private const int DefaultPort = 5080;

    public static Command Create(CliSession s)
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => DefaultPort };
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
            The emulator runs as its own process (it needs the ASP.NET Core runtime that comes with the .NET SDK).

            Example:
              rsspot emulator start --port 5080 --data ~/.rsspot-sandbox.json
            """,
            port,
            data,
            refreshToken,
            tokenLifetime,
            readyAfter);
        start.TreatUnmatchedTokensAsErrors = false;
        start.RunsForExitCode(s, (p, ct) =>
        {
            var args = new List<string> { "--port", p.GetValue(port).ToString(CultureInfo.InvariantCulture) };
            Add(args, "--data", p.GetValue(data));
            Add(args, "--refresh-token", p.GetValue(refreshToken));
            Add(args, "--org", p.GetValue(s.Globals.Org));
            Add(args, "--token-lifetime", p.GetValue(tokenLifetime)?.ToString(CultureInfo.InvariantCulture));
            Add(args, "--ready-after", p.GetValue(readyAfter)?.ToString(CultureInfo.InvariantCulture));
            args.AddRange(p.UnmatchedTokens);
            return EmulatorLauncher.RunAsync(args, ct);
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
}
