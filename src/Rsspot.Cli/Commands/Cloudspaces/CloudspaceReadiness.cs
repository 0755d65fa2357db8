using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary>Waiting for a cloudspace to be Ready, and what an interrupt leaves behind.</summary>
internal static class CloudspaceReadiness
{
    /// <summary>Waits until <paramref name="name"/> is Ready, each phase on stderr; an interrupt says whether it still exists.</summary>
    public static async Task<Generated.Api.Models.CloudSpace> WaitAsync(CliSession session, string name, int timeoutSeconds, CancellationToken ct)
    {
        if (timeoutSeconds < 1)
        {
            throw new CliUsageException($"--timeout: {timeoutSeconds} is invalid; give seconds, 1 or more.");
        }

        var started = DateTimeOffset.UtcNow;
        var progress = new InlineProgress<string>(phase => session.Err.WriteLine($"cloudspace {name}: {Security.ServerText.Clean(phase)} ({(DateTimeOffset.UtcNow - started).TotalSeconds:0} s)"));
        if (session.Interrupts is { } interrupts)
        {
            interrupts.LeftBehind = $"cloudspace \"{name}\" exists; wait again with: rsspot cloudspaces wait {name}";
        }

        try
        {
            return await session.Client.Cloudspaces.WaitUntilReadyAsync(name, TimeSpan.FromSeconds(timeoutSeconds), progress, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var phase = await LookAfterInterruptAsync(session, name).ConfigureAwait(false);
            throw new OperationCanceledException(phase switch
            {
                null => $"Stopped waiting: cloudspace \"{name}\" no longer exists.",
                { Length: 0 } => $"Stopped waiting: cloudspace \"{name}\" exists (its phase could not be read). Wait again with: rsspot cloudspaces wait {name}",
                _ => $"Stopped waiting: cloudspace \"{name}\" exists (phase {phase}). Wait again with: rsspot cloudspaces wait {name}",
            });
        }
        finally
        {
            if (session.Interrupts is { } done)
            {
                done.LeftBehind = null;
            }
        }
    }

    /// <summary>The cloudspace's phase after an interrupt, on a budget of its own: null when it does not exist, empty when unknown.</summary>
    public static async Task<string?> LookAfterInterruptAsync(CliSession session, string name)
    {
        using var look = new CancellationTokenSource(CreateCleanup.LookTimeout);
        try
        {
            var cloudspace = await session.Client.Cloudspaces.GetAsync(name, look.Token).ConfigureAwait(false);
            return Security.ServerText.Clean(cloudspace.Status?.Phase) is { Length: > 0 } phase ? phase : "unknown";
        }
        catch (SpotApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
        catch (Exception ex) when (ex is SpotException or OperationCanceledException or HttpRequestException)
        {
            return string.Empty;
        }
    }
}
