namespace Rsspot.Workflows;

/// <summary>A transition the state machine forbids, such as registered → discovered.</summary>
public sealed class IllegalTransitionException : SpotException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="from">The current status.</param>
    /// <param name="to">The refused target status.</param>
    public IllegalTransitionException(string key, RegistrationStatus from, RegistrationStatus to)
        : base($"Registration '{key}' cannot move from {from.ToText()} to {to.ToText()}. {Hint(from)}")
    {
        Key = key;
        From = from;
        To = to;
    }

    /// <summary>The registration key.</summary>
    public string Key { get; }

    /// <summary>The current status.</summary>
    public RegistrationStatus From { get; }

    /// <summary>The refused target status.</summary>
    public RegistrationStatus To { get; }

    private static string Hint(RegistrationStatus from)
    {
        return from switch
        {
            RegistrationStatus.Registered => "A registered VM is final; deregister it in the external system and reconcile instead.",
            RegistrationStatus.Skipped => "Move it back to discovered first.",
            RegistrationStatus.Failed => "Retry it by moving it to discovered, token_issued or submitted.",
            _ => "Steps go discovered → token_issued → submitted → registered, one at a time; failed and skipped are allowed from any of them.",
        };
    }
}
