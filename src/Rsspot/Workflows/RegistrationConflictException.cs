namespace Rsspot.Workflows;

/// <summary>
/// Another worker changed or holds the record: the expected version did not match, or a live lease belongs to
/// someone else. Re-read the record and decide again.
/// </summary>
public sealed class RegistrationConflictException : SpotException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="message">What conflicted.</param>
    public RegistrationConflictException(string key, string message)
        : base(message)
    {
        Key = key;
    }

    /// <summary>The registration key.</summary>
    public string Key { get; }
}
