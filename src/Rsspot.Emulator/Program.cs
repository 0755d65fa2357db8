namespace Rsspot.Emulator;

/// <summary>Entry point of <c>dotnet run --project src/Rsspot.Emulator</c>; an explicit class so that no public <c>Program</c> type leaks to referencing projects.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Not disposed: ProcessExit can still fire after Main returns.
        var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
        return await EmulatorCommandLine.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
    }
}
