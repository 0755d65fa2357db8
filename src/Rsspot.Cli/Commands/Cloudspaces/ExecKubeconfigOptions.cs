using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Kubernetes;
using Rsspot.Security;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary><c>get-config --exec | --merge [--set-current]</c>: exec kubeconfigs printed, written to --file, or merged into the user's kubeconfig.</summary>
internal sealed class ExecKubeconfigOptions
{
    public Option<bool> Exec { get; } = new("--exec") { Description = "Write a kubeconfig that never goes stale: its user runs rsspot as kubectl's credential plugin (no token in the file)" };

    public Option<bool> Merge { get; } = new("--merge") { Description = "Add or update context spot-<org>-<cloudspace> (an --exec kubeconfig) in KUBECONFIG or ~/.kube/config, keeping its other entries and mode" };

    public Option<bool> SetCurrent { get; } = new("--set-current") { Description = "With --merge: make the context kubectl's current one" };

    public Symbol[] Symbols => [Exec, Merge, SetCurrent];

    /// <summary>Runs get-config when --exec or --merge was given; false when neither was (the plain get-config then runs).</summary>
    public async Task<bool> TryRunAsync(CliSession s, ParseResult p, string cloudspace, string? file, bool force, CancellationToken ct)
    {
        var merge = p.GetValue(Merge);
        if (!p.GetValue(Exec) && !merge)
        {
            return p.GetValue(SetCurrent) ? throw new CliUsageException("--set-current: goes with --merge (it sets the current context of the kubeconfig --merge writes).") : false;
        }

        if (merge && file is not null)
        {
            throw new CliUsageException("--merge: writes KUBECONFIG or ~/.kube/config; --file writes a file of its own. Give one of them.");
        }

        if (file is not null && string.IsNullOrWhiteSpace(file))
        {
            throw new CliUsageException("--file: give the path of the kubeconfig file to write (it was empty).");
        }

        if (file is not null && File.Exists(file) && !force)
        {
            throw new CliUsageException($"--file: '{file}' already exists; pass --force to replace it.");
        }

        var (context, text) = await ExecKubeconfig.CreateAsync(s, cloudspace, ct).ConfigureAwait(false);
        var path = merge ? ExecKubeconfig.UserKubeconfigPath(s) : file;
        if (path is null)
        {
            s.Output.Raw(s.Terminal.StdoutIsTerminal ? TerminalText.CleanLines(text) : text);
            return true;
        }

        try
        {
            if (merge)
            {
                Kubeconfigs.MergeIntoFile(path, text, p.GetValue(SetCurrent));
            }
            else
            {
                AtomicFile.WriteAllText(path, text);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"{(merge ? "--merge" : "--file")}: {ServerText.Clean(ex.Message).TrimEnd('.')}. Fix: give a path in a folder you can write.", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new ConfigException($"--merge: '{path}' is not a kubeconfig rsspot can merge into ({ex.Message.TrimEnd('.')}); nothing was changed.", path, innerException: ex);
        }

        var full = Path.GetFullPath(path);
        s.Output.Write(
            new JsonObject { ["cloudspace"] = cloudspace, ["path"] = full, ["context"] = context, ["exec"] = true },
            () => TableView.Pairs([("cloudspace", cloudspace), ("kubeconfig", full), ("context", context)]));
        return true;
    }
}
