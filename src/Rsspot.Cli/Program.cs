using Rsspot.Cli.Infrastructure;

using var streams = StandardStreams.Open();
using var interrupts = new Interrupts(streams.Error);
try
{
    return await CliApp.RunAsync(args, CliHost.ForProcess(streams, interrupts)).ConfigureAwait(false);
}
finally
{
    TerminalModes.Restore(exiting: true);
}
