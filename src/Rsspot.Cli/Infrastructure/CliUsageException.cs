namespace Rsspot.Cli.Infrastructure;

/// <summary>A bad flag, a bad value or a missing confirmation: exit code 2, the message names the flag.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CliUsageException()
    {
    }
}
