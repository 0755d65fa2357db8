using Rsspot.Workflows;

namespace RegistrationController;

/// <summary>The components the controller depends on, each with its outage state: one log line when it goes out, one when it is back.</summary>
internal sealed class Outages(TransitionLog log, TimeProvider time)
{
    public OutageLog Ledger { get; } = new(new RegistrationOutage("ledger", time), log, time);

    public OutageLog Api { get; } = new(new RegistrationOutage("api", time), log, time);

    public OutageLog Omni { get; } = new(new RegistrationOutage("omni", time), log, time);
}
