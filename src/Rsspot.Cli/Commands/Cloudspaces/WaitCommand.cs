using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary><c>cloudspaces wait NAME [--timeout]</c>.</summary>
internal static class WaitCommand
{
    /// <param name="Name">The cloudspace.</param>
    /// <param name="TimeoutSeconds">How long to wait for Ready.</param>
    internal sealed record Options(string Name, int TimeoutSeconds);

    public static Command Create(CliSession session)
    {
        var name = CloudspacesCommand.NameArg();
        var timeout = CloudspacesCommand.TimeoutOption();
        return Cmd.New("wait", "Wait until a cloudspace is Ready, showing each phase on stderr", [.. name.Symbols, timeout])
            .Runs(session, (p, ct) => RunAsync(new Options(name.Get(p), p.GetValue(timeout)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var json = JsonModels.ToNode(await CloudspaceReadiness.WaitAsync(session, options.Name, options.TimeoutSeconds, ct).ConfigureAwait(false));
        session.Output.Write(json, () => CloudspaceViews.Pairs(json));
    }
}
