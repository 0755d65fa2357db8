namespace Rsspot.State;

/// <summary>state.db cannot be opened or used (for example, it was written by a newer rsspot).</summary>
public sealed class StateStoreException : SpotException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public StateStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
