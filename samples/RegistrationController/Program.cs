using Rsspot;
using Rsspot.Workflows;

namespace RegistrationController;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ControllerOptions options;
        try
        {
            options = ControllerOptions.Parse(args);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(ControllerOptions.Usage);
            return 0;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        try
        {
            return await RunAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("stopped (claims are released when their leases expire, or at once by a restart with the same --worker-id)");
            return 130;
        }
        catch (SpotException ex)
        {
            await Console.Error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> RunAsync(ControllerOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await SpotConnection.OpenAsync(options, cancellationToken).ConfigureAwait(false);
        var time = TimeProvider.System;
        await using var ledger = await LedgerConnection.OpenAsync(options, time, cancellationToken).ConfigureAwait(false);
        var workflow = new RegistrationWorkflow(ledger.Ledger, options.Lease);
        var omni = new FakeOmni(options.OmniJournal, TimeSpan.FromHours(1), options.FailSubmits, time);
        var log = new TransitionLog(Console.Out);
        log.Info($"start worker={options.WorkerId} api=\"{connection.Description}\" ledger={ledger.Description} lease={options.Lease.TotalSeconds}s");
        var loop = new RegistrationLoop(options, connection.Client, workflow, omni, log, time);
        return await loop.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
