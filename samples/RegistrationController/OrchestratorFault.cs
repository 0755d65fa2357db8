namespace RegistrationController;

/// <summary>A call to the external system failed: counted against the VM (it is marked failed and retried later).</summary>
internal sealed class OrchestratorFault(Exception inner) : Exception(inner.Message, inner);
