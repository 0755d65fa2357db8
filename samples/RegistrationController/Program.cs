using System.Runtime.InteropServices;
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
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        // SIGTERM (a pod being stopped) and SIGINT (Ctrl+C) end the loop between steps; claims left are released
        // by their leases, or at once by a restart with the same --worker-id.
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        try
        {
            return await RunAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine($"stopped worker={options.WorkerId} (claims are released when their leases expire, or at once by a restart with the same --worker-id)");
            return options.Watch ? 0 : 130;
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
        var log = new TransitionLog(Console.Out);
        var outages = new Outages(log, time);
        await using var ledger = await outages.Ledger.RetryAsync(ct => LedgerConnection.OpenAsync(options, time, ct), cancellationToken).ConfigureAwait(false);
        var workflow = new RegistrationWorkflow(ledger.Ledger, options.Lease)
        {
            RetryPolicy = RegistrationRetryPolicy.Default with { MaxAttempts = options.MaxAttempts },
            Clock = time,
        };
        var omni = new FakeOmni(options.OmniJournal, TimeSpan.FromHours(1), options.FailSubmits, options.OmniDelay, options.WorkerId, time);
        log.Info($"start worker={options.WorkerId} api=\"{connection.Description}\" ledger={ledger.Description} lease={options.Lease.TotalSeconds}s");
        var loop = new RegistrationLoop(options, connection.Client, workflow, omni, log, outages, time);
        return await loop.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
