namespace Rsspot.Cli.Infrastructure;

/// <summary>Stdout was closed by its reader (EPIPE, e.g. <c>| head -1</c>): the command stops and exits 0.</summary>
internal sealed class OutputClosedException : Exception
{
    public OutputClosedException()
        : base("stdout was closed by its reader.")
    {
    }

    public OutputClosedException(string message)
        : base(message)
    {
    }

    public OutputClosedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
