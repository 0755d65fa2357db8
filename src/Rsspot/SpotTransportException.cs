namespace Rsspot;

/// <summary>The Spot API could not be reached or the connection failed before an answer arrived.</summary>
public sealed class SpotTransportException : SpotException
{
    /// <summary>Creates the exception.</summary>
    public SpotTransportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a cause.</summary>
    public SpotTransportException(string message)
        : base(message)
    {
    }
}
