using System.CommandLine;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Rsspot.Cli.Commands.Cloudspaces;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Security;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Run;

/// <summary>
/// <c>run -f FILE [--keep] -- COMMAND ARGS...</c>: a cluster for one job. Creates the cloudspace of the spec file,
/// waits until Ready, runs the command with KUBECONFIG set to an exec kubeconfig of it, then deletes the cloudspace
/// (also when the command fails, on Ctrl-C or SIGTERM) on a budget of its own. Exits with the command's exit code.
/// </summary>
internal static class RunCommand
{
    // What a shell answers for a command it cannot find or start.
    private const int CommandNotFound = 127;

    private static readonly TimeSpan ChildGrace = TimeSpan.FromSeconds(10);

    public static Command Create(CliSession s)
    {
        var file = new Option<string>("--file", "-f") { Description = "Cloudspace spec file (the format of 'cloudspaces create --file')", HelpName = "spec.yaml", Required = true };
        var keep = new Option<bool>("--keep") { Description = "Keep the cloudspace after the command (default: delete it)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for Ready (default 1800)", DefaultValueFactory = _ => 1800 };
        var cleanupTimeout = new Option<int>("--cleanup-timeout") { Description = "Seconds the delete may take after the command, Ctrl-C or SIGTERM included (default 120)", DefaultValueFactory = _ => 120 };
        var command = new Argument<string[]>("command") { Description = "The command and its arguments, after --", Arity = ArgumentArity.OneOrMore };
        return Cmd.New(
            "run",
            """
            Run a command against a cloudspace made for it: create the cloudspace of --file, wait until it is Ready, run the
            command with KUBECONFIG set to a kubeconfig that never goes stale, then delete the cloudspace again (also when
            the command fails or on Ctrl-C/SIGTERM; the delete has its own time budget and says what it removed or left).
            The exit code is the command's (130 when interrupted).

            Examples:
              rsspot run -f ci-cluster.yaml -- kubectl get nodes
              rsspot run -f ci-cluster.yaml --keep -- ./e2e.sh --suite smoke
            """,
            file,
            keep,
            timeout,
            cleanupTimeout,
            command).RunsForExitCode(s, (p, ct) => RunAsync(s, p.GetValue(file)!, p.GetValue(keep), p.GetValue(timeout), p.GetValue(cleanupTimeout), p.GetValue(command) ?? [], ct));
    }

    private static async Task<int> RunAsync(CliSession s, string file, bool keep, int timeoutSeconds, int cleanupSeconds, string[] command, CancellationToken ct)
    {
        if (command.Length == 0 || string.IsNullOrWhiteSpace(command[0]))
        {
            throw new CliUsageException("<command>: give the command to run after --, e.g. rsspot run -f spec.yaml -- kubectl get nodes");
        }

        if (timeoutSeconds < 1 || cleanupSeconds < 1)
        {
            throw new CliUsageException($"{(timeoutSeconds < 1 ? "--timeout" : "--cleanup-timeout")}: give seconds, 1 or more.");
        }

        var spec = CloudspaceSpecFile.Load(file, "--file");
        var name = spec.Name ?? throw new CliUsageException($"--file: '{file}' has no 'name'; the cloudspace of a run needs one.");
        var region = s.Region ?? spec.Region ?? s.Client.Profile.Region
            ?? throw new CliUsageException("--region: the cloudspace needs a region ('region' in --file, the flag, or the profile's region).");
        var request = spec.ToRequest(name, region);

        s.Err.WriteLine($"Creating cloudspace {name} for the run...");
        var cluster = await CreateAsync(s, request, TimeSpan.FromSeconds(timeoutSeconds), ct).ConfigureAwait(false);
        cluster.CleanupTimeout = TimeSpan.FromSeconds(cleanupSeconds);
        cluster.Keep = keep;
        var folder = Directory.CreateTempSubdirectory("rsspot-run-");
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder.FullName, AtomicFile.OwnerOnlyDirectory);
            }

            if (s.Interrupts is { } interrupts)
            {
                interrupts.LeftBehind = $"cloudspace \"{name}\" exists; remove it with: {CreateCleanup.RemoveCommand(name)}";
            }

            var (_, kubeconfig) = await ExecKubeconfig.CreateAsync(s, name, ct).ConfigureAwait(false);
            var path = Path.Combine(folder.FullName, "kubeconfig");
            AtomicFile.WriteAllText(path, kubeconfig);
            return await RunChildAsync(s, command, path, ct).ConfigureAwait(false);
        }
        finally
        {
            var cleanup = keep ? null : await cluster.DeleteAsync().ConfigureAwait(false);
            s.Err.WriteLine(cleanup is { Deleted: true }
                ? cleanup.Message
                : $"{cleanup?.Message ?? $"Kept cloudspace \"{name}\" as asked."} Remove it with: {CreateCleanup.RemoveCommand(name)}");
            if (s.Interrupts is { } done)
            {
                done.LeftBehind = null;
            }

            TryDelete(folder);
        }
    }

    private static async Task<EphemeralCloudspace> CreateAsync(CliSession s, CloudspaceCreateRequest request, TimeSpan timeout, CancellationToken ct)
    {
        var name = request.Name;
        if (s.Interrupts is { } interrupts)
        {
            interrupts.LeftBehind = $"cloudspace \"{name}\" may exist; check with 'rsspot cloudspaces get {name}', remove it with: {CreateCleanup.RemoveCommand(name)}";
        }

        var started = DateTimeOffset.UtcNow;
        var progress = new InlineProgress<string>(phase => s.Err.WriteLine($"cloudspace {name}: {ServerText.Clean(phase)} ({(DateTimeOffset.UtcNow - started).TotalSeconds:0} s)"));
        try
        {
            return await s.Client.Cloudspaces.CreateEphemeralAsync(request, timeout, progress, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (ct.IsCancellationRequested)
        {
            // Cancelled before the SDK owned the cloudspace (during its POST): one that was made meanwhile is deleted here.
            throw new OperationCanceledException($"{ex.Message.TrimEnd('.')}. {await DeleteIfCreatedAsync(s, name).ConfigureAwait(false)}", ex);
        }
    }

    private static async Task<string> DeleteIfCreatedAsync(CliSession s, string name)
    {
        using var budget = new CancellationTokenSource(CreateCleanup.LookTimeout * 3);
        try
        {
            await s.Client.Cloudspaces.DeleteAsync(name, budget.Token).ConfigureAwait(false);
            return $"Deleted cloudspace \"{name}\".";
        }
        catch (SpotApiException ex) when (ex.IsNotFound)
        {
            return $"Cloudspace \"{name}\" does not exist: nothing is left behind.";
        }
        catch (Exception ex) when (ex is SpotException or OperationCanceledException or HttpRequestException)
        {
            return $"Cloudspace \"{name}\" may exist; check with 'rsspot cloudspaces get {name}', remove it with: {CreateCleanup.RemoveCommand(name)}";
        }
    }

    private static async Task<int> RunChildAsync(CliSession s, string[] command, string kubeconfig, CancellationToken ct)
    {
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KUBECONFIG"] = kubeconfig;
        Process child;
        try
        {
            child = Process.Start(start) ?? throw new Win32Exception("the process did not start");
        }
        catch (Win32Exception ex)
        {
            s.Err.WriteLine($"error: '{command[0]}' cannot be run: {ex.Message.TrimEnd('.')}.");
            return CommandNotFound;
        }

        using (child)
        {
            try
            {
                await child.WaitForExitAsync(ct).ConfigureAwait(false);
                return child.ExitCode;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await StopAsync(child).ConfigureAwait(false);
                s.Err.WriteLine($"Interrupted: '{command[0]}' was stopped.");
                return ExitCodes.Cancelled;
            }
        }
    }

    // SIGTERM first (through kill(1): a terminal's Ctrl-C reached the command already, a SIGTERM to rsspot did not),
    // then, after a grace period, SIGKILL to the whole tree.
    private static async Task StopAsync(Process child)
    {
        if (child.HasExited)
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            try
            {
                using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", child.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
                if (kill is not null)
                {
                    await kill.WaitForExitAsync().ConfigureAwait(false);
                }
            }
            catch (Win32Exception)
            {
                // No kill(1): the grace period ends in SIGKILL below.
            }
        }

        using var grace = new CancellationTokenSource(ChildGrace);
        try
        {
            await child.WaitForExitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
        }
    }

    private static void TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only an exec kubeconfig (no secret) is left in a temp folder.
        }
    }
}
