using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary><c>cloudspaces delete NAME [--yes]</c>.</summary>
internal static class DeleteCommand
{
    /// <param name="Name">The cloudspace.</param>
    /// <param name="Yes">Do not ask.</param>
    /// <param name="NameAsArgument">The name came as the argument (the Python rsspot's form, which never asks).</param>
    internal sealed record Options(string Name, bool Yes, bool NameAsArgument);

    public static Command Create(CliSession session)
    {
        var name = CloudspacesCommand.NameArg();
        var yes = Cmd.Yes();
        return Cmd.New("delete", "Delete a cloudspace and its node pools", [.. name.Symbols, yes])
            .Runs(session, (p, ct) => RunAsync(new Options(name.Get(p), p.GetValue(yes), name.GivenAsArgument(p)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var name = options.Name;
        SpotNames.EnsureCloudspaceName(name);
        session.Confirm($"Delete cloudspace '{name}' and all its node pools", options.Yes, options.NameAsArgument);
        var status = await session.Client.Cloudspaces.DeleteAsync(name, ct).ConfigureAwait(false);
        session.Output.Write(
            new JsonShapes(() => DeletionJson.Summary("cloudspace", name, status), () => DeletionJson.PythonStatus(status)),
            () => TableView.Pairs([("deleted", "cloudspace " + name), ("status", status?.StatusProp ?? "Success")]));
        await ExecKubeconfig.OfferContextRemovalAsync(session, name, options.Yes, ct).ConfigureAwait(false);
    }
}
