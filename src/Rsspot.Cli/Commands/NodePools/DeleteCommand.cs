using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.NodePools;

/// <summary><c>nodepools spot|ondemand delete NAME [--cloudspace] [--yes]</c>.</summary>
internal static class DeleteCommand
{
    /// <param name="Kind">Spot or on-demand.</param>
    /// <param name="Name">The pool's name or a unique start of it.</param>
    /// <param name="Cloudspace">The cloudspace it must belong to, or null.</param>
    /// <param name="Yes">Do not ask.</param>
    /// <param name="NameAsArgument">The name came as the argument (the Python rsspot's form, which never asks).</param>
    internal sealed record Options(PoolKind Kind, string Name, string? Cloudspace, bool Yes, bool NameAsArgument);

    public static Command Create(CliSession session, PoolKind kind)
    {
        var name = NodePoolsCommand.PoolName();
        var yes = Cmd.Yes();
        var cloudspace = NodePoolsCommand.CloudspaceOption();
        return Cmd.New("delete", $"Delete a {kind.Noun} (by its name or a unique start of it; --cloudspace checks where it is)", [.. name.Symbols, cloudspace, yes])
            .Runs(session, (p, ct) => RunAsync(new Options(kind, name.Get(p), p.GetValue(cloudspace), p.GetValue(yes), name.GivenAsArgument(p)), session, ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var spot = options.Kind.IsSpot;
        var noun = options.Kind.Noun;
        var poolName = await PoolNames.ResolveAsync(session, spot, options.Name, options.Cloudspace, ct).ConfigureAwait(false);
        session.Confirm($"Delete {noun} '{poolName}'", options.Yes, options.NameAsArgument);
        var status = spot
            ? await session.Client.SpotNodePools.DeleteAsync(poolName, ct).ConfigureAwait(false)
            : await session.Client.OnDemandNodePools.DeleteAsync(poolName, ct).ConfigureAwait(false);
        session.Output.Write(
            new JsonShapes(() => DeletionJson.Summary(noun, poolName, status), () => DeletionJson.PythonStatus(status)),
            () => TableView.Pairs([("deleted", $"{noun} {poolName}"), ("status", status?.StatusProp ?? "Success")]));
    }
}
