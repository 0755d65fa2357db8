namespace RegistrationController;

/// <summary>A call to the external system failed (or its token ran out): counted against the VM, which is marked failed and retried later.</summary>
/// <param name="op">The call (<c>token</c>, <c>submit</c>, <c>find</c>), or <see langword="null"/> when no call failed.</param>
/// <param name="inner">What went wrong.</param>
internal sealed class OrchestratorFault(string? op, Exception inner) : Exception(inner.Message, inner)
{
    public string? Op { get; } = op;
}
