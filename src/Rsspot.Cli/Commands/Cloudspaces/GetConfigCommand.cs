using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary>
/// <c>cloudspaces get-config NAME [--file path [--force]]</c>: the kubeconfig on stdout, or written to a file with
/// mode 0600. New options go in <see cref="Options"/>, <see cref="Create"/> (their definitions) and
/// <see cref="RunAsync"/> (what they do).
/// </summary>
internal static class GetConfigCommand
{
    /// <param name="Name">The cloudspace.</param>
    /// <param name="NameAsArgument">The name came as the argument (prints) rather than with --name (spotctl's form: writes NAME.yaml).</param>
    /// <param name="File">Where to write the kubeconfig, or null.</param>
    /// <param name="FileFlag">The spelling of the file flag as typed (for messages).</param>
    /// <param name="Force">Replace an existing file.</param>
    internal sealed record Options(string Name, bool NameAsArgument, string? File, string FileFlag, bool Force);

    public static Command Create(CliSession session)
    {
        var name = CloudspacesCommand.NameArg();
        var file = new Option<string?>("--file", "-f") { Description = "Write the kubeconfig here (mode 0600) instead of stdout; with --name (spotctl's form) the default is <name>.yaml", HelpName = "path" };
        var force = new Option<bool>("--force") { Description = "Replace --file if it exists" };
        var exec = new ExecKubeconfigOptions();
        return Cmd.New("get-config", "Print or save the kubeconfig of a cloudspace (a secret: --file writes it with mode 0600)", [.. name.Symbols, file, force, .. exec.Symbols])
            .Runs(session, async (p, ct) =>
            {
                // --exec and --merge write a kubeconfig whose user runs rsspot as kubectl's credential plugin.
                if (!await exec.TryRunAsync(session, p, name.Get(p), p.GetValue(file), p.GetValue(force), ct).ConfigureAwait(false))
                {
                    await RunAsync(new Options(name.Get(p), name.GivenAsArgument(p), p.GetValue(file), p.TypedName(file), p.GetValue(force)), session, ct).ConfigureAwait(false);
                }
            });
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var csName = options.Name;
        if ((options.File ?? SpotctlDefaultFile(options)) is { } path)
        {
            // What chose the path: the user's --file, or spotctl's `--name N` default of N.yaml.
            var chosenBy = options.File is null ? $"--name {csName} (writes {path})" : options.FileFlag;
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new CliUsageException($"{options.FileFlag}: give the path of the kubeconfig file to write (it was empty).");
            }

            if (Security.BoundedFile.KindOf(path) is Security.FileKind.Directory or Security.FileKind.Special)
            {
                throw new CliUsageException($"{chosenBy}: '{path}' is a directory, FIFO or device; give the path of a file to write the kubeconfig to.");
            }

            if (System.IO.File.Exists(path) && !options.Force)
            {
                throw new CliUsageException(options.File is null
                    ? $"--name {csName}: writes the kubeconfig to '{path}' (spotctl's form), which already exists; pass --force to replace it, --file to choose another path, or give the name as an argument to print the kubeconfig."
                    : $"{options.FileFlag}: '{path}' already exists; pass --force to replace it.");
            }

            try
            {
                await session.Client.Cloudspaces.WriteKubeconfigAsync(csName, path, overwrite: true, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"{chosenBy}: {Security.ServerText.Clean(ex.Message).TrimEnd('.')}. Fix: give a path in a folder you can write.", ex);
            }

            var full = Path.GetFullPath(path);
            session.Output.Write(new JsonObject { ["cloudspace"] = csName, ["path"] = full, ["mode"] = "0600" }, () => TableView.Pairs([("cloudspace", csName), ("kubeconfig", full), ("mode", "0600")]));
            return;
        }

        // Without --file the user asked for the kubeconfig on stdout, whatever --output says; a terminal gets it cleaned.
        var kubeconfig = await session.Client.Cloudspaces.GetKubeconfigAsync(csName, ct).ConfigureAwait(false);
        session.Output.Raw(session.Terminal.StdoutIsTerminal ? TerminalText.CleanLines(kubeconfig) : kubeconfig);
    }

    // spotctl's `get-config --name N` writes N.yaml when no --file is given; the positional form prints, as the Python rsspot does.
    private static string? SpotctlDefaultFile(Options options)
    {
        if (options.NameAsArgument)
        {
            return null;
        }

        SpotNames.EnsureCloudspaceName(options.Name);
        return options.Name + ".yaml";
    }
}
