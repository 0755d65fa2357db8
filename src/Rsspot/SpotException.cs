namespace Rsspot;

/// <summary>Base type of every exception the rsspot SDK throws on purpose.</summary>
public class SpotException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    public SpotException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    /// <param name="innerException">The underlying cause.</param>
    public SpotException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
