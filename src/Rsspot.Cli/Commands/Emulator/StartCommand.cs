using System.CommandLine;
using System.Globalization;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Emulator;

/// <summary><c>emulator start</c>: a local Spot API on 127.0.0.1 and the <c>rsspot configure</c> line for it.</summary>
internal static class StartCommand
{
    /// <param name="Arguments">The emulator's command line: the port, then each option given, as given.</param>
    internal sealed record Options(IReadOnlyList<string> Arguments);

    private const int DefaultPort = 5080;

    // The emulator's own options, passed through as given (it checks their values).
    private static readonly (string Name, string Description)[] PassThrough =
    [
        ("--client-id", "An OAuth client id accepted besides the public one"),
        ("--org-page-size", "Organizations per page (default 2)"),
        ("--market-seed", "Move prices on a seeded, repeatable schedule"),
        ("--market-step-seconds", "Seconds between two auctions of the seeded market (default 60)"),
        ("--vm-count", "Seed n VMs spread over VM cloudspaces and pools"),
        ("--latency-ms", "Fault: delay added to every request"),
        ("--fail-rate", "Fault: share (0..1) of requests answered with --fail-status"),
        ("--fail-count", "Fault: answer the next n requests with --fail-status"),
        ("--fail-status", "Fault: 500, 502, 503 or 504 (default 503)"),
        ("--rate-limit-rate", "Fault: share (0..1) of requests answered 429"),
        ("--rate-limit-count", "Fault: answer the next n requests 429"),
        ("--retry-after", "Fault: Retry-After seconds of a 429 (default 1)"),
        ("--drop-rate", "Fault: share (0..1) of requests whose connection is dropped"),
        ("--drop-count", "Fault: drop the connection of the next n requests"),
        ("--fault-path", "Fault: only paths starting with this prefix"),
        ("--fault-method", "Fault: only this HTTP method"),
        ("--deletion-grace", "Seconds a deleted cloudspace or pool stays Terminating before it is gone (default 0)"),
        ("--continue-lifetime", "Seconds a list's continue value stays valid (default 300)"),
        ("--kube-token-ttl", "Seconds the token in a generated kubeconfig stays valid at the cloudspace's kube API (default 3600)"),
    ];

    public static Command Create(CliSession session)
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
            The emulator runs as its own process (it needs the ASP.NET Core runtime that comes with the .NET SDK).

            Example:
              rsspot emulator start --port 5080 --data ~/.rsspot-sandbox.json
            """,
            port,
            data,
            refreshToken,
            tokenLifetime,
            readyAfter);
        var passThrough = PassThrough.Select(o => new Option<string?>(o.Name) { Description = o.Description, HelpName = "value" }).ToList();
        foreach (var option in passThrough)
        {
            start.Options.Add(option);
        }

        start.RunsForExitCode(session, (p, ct) =>
        {
            if (p.GetValue(port) is var bad and (< 0 or > 65535))
            {
                throw new CliUsageException($"--port: {bad.ToString(CultureInfo.InvariantCulture)} is not a TCP port; give 0 to 65535 (0 picks a free one).");
            }

            var args = new List<string> { "--port", p.GetValue(port).ToString(CultureInfo.InvariantCulture) };
            Add(args, "--data", p.GetValue(data));
            Add(args, "--refresh-token", p.GetValue(refreshToken));
            Add(args, "--org", p.GetValue(session.Globals.Org));
            Add(args, "--token-lifetime", p.GetValue(tokenLifetime)?.ToString(CultureInfo.InvariantCulture));
            Add(args, "--ready-after", p.GetValue(readyAfter)?.ToString(CultureInfo.InvariantCulture));
            foreach (var option in passThrough)
            {
                Add(args, option.Name, p.GetValue(option));
            }

            return RunAsync(new Options(args), ct);
        });

        return start;
    }

    /// <summary>Runs the emulator beside the binary until it stops; its exit code.</summary>
    public static Task<int> RunAsync(Options options, CancellationToken ct) => EmulatorLauncher.RunAsync(options.Arguments, ct);

    private static void Add(List<string> args, string flag, string? value)
    {
        if (value is not null)
        {
            args.Add(flag);
            args.Add(value);
        }
    }
}
