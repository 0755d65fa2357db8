using Rsspot.Emulator;

// Not disposed: ProcessExit can still fire after Main returns.
var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
return await EmulatorCommandLine.RunAsync(args, Console.Out, Console.Error, stop.Token).ConfigureAwait(false);
