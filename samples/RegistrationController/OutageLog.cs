using Rsspot.Workflows;

namespace RegistrationController;

/// <summary>One component's outage, logged once when it begins and once when it ends.</summary>
internal sealed class OutageLog(RegistrationOutage outage, TransitionLog log, TimeProvider time)
{
    /// <summary>Records a failure; logs the first of an outage. Returns the wait before the next try.</summary>
    public TimeSpan Failed(Exception error)
    {
        bool first = !outage.IsActive;
        TimeSpan wait = outage.Fail();
        if (first)
        {
            log.Info($"outage component={outage.Component} error=\"{OneLine(error.Message)}\" retry_in={wait.TotalSeconds:0.0}s");
        }

        return wait;
    }

    /// <summary>Records a success; logs the end of an outage if there was one.</summary>
    public void Succeeded()
    {
        int failures = outage.Failures;
        if (outage.Recover() is { } lasted)
        {
            log.Info($"recovered component={outage.Component} after={lasted.TotalSeconds:0.0}s failures={failures}");
        }
    }

    /// <summary>Runs <paramref name="operation"/> until it succeeds, backing off after each failure.</summary>
    public async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                T result = await operation(cancellationToken).ConfigureAwait(false);
                Succeeded();
                return result;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(Failed(ex), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Replace('"', '\'');
}
