namespace Rsspot;

/// <summary>
/// The configuration is unusable: a file cannot be parsed, a value has the wrong type, a profile does not
/// exist, or an environment variable holds a bad value. The message names the file or variable, the key and
/// the fix; it never contains a secret value.
/// </summary>
public sealed class ConfigException : SpotException
{
    /// <summary>Creates a config exception.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="filePath">The config file involved, if any.</param>
    /// <param name="key">The key (dotted path) or environment variable involved, if any.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public ConfigException(string message, string? filePath = null, string? key = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        Key = key;
    }

    /// <summary>The config file involved, or <see langword="null"/> when the problem is not in a file.</summary>
    public string? FilePath { get; }

    /// <summary>The dotted key (e.g. <c>profiles.prod.verify_ssl</c>) or environment variable involved.</summary>
    public string? Key { get; }
}
