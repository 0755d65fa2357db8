namespace Rsspot.Cli.Infrastructure;

/// <summary>The user answered no to a confirmation: nothing was changed, exit code 1 (not 130, which scripts read as Ctrl-C).</summary>
internal sealed class NotConfirmedException : Exception
{
    public NotConfirmedException(string message)
        : base(message)
    {
    }

    public NotConfirmedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public NotConfirmedException()
    {
    }
}
