using System.Runtime.InteropServices;

namespace Rsspot.Emulator;

/// <summary>Entry point of <c>dotnet run --project src/Rsspot.Emulator</c>; an explicit class so that no public <c>Program</c> type leaks to referencing projects.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Not disposed: a signal can still arrive after Main returns.
        var stop = new CancellationTokenSource();

        // Ctrl+C and SIGTERM (kill, a parent process, a container stop) both end with the clean stop path. The host's
        // own console lifetime would swallow SIGTERM without stopping this loop.
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return await EmulatorCommandLine.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
    }
}
