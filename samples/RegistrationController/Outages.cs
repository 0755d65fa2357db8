using Rsspot.Workflows;

namespace RegistrationController;

/// <summary>The components the controller depends on, each with its outage state: one log line when it goes out, one when it is back.</summary>
internal sealed class Outages(TransitionLog log, TimeProvider time)
{
    public OutageLog Ledger { get; } = new(new RegistrationOutage("ledger", time), log, time);

    public OutageLog Api { get; } = new(new RegistrationOutage("api", time), log, time);

    private readonly Dictionary<string, OutageLog> _omni = [];

    /// <summary>One call of the external system (<c>omni.token</c>, <c>omni.submit</c>, <c>omni.find</c>): one can fail while the others work.</summary>
    public OutageLog Omni(string op)
    {
        if (!_omni.TryGetValue(op, out var outage))
        {
            outage = new OutageLog(new RegistrationOutage("omni." + op, time), log, time);
            _omni.Add(op, outage);
        }

        return outage;
    }
}
