namespace Rsspot.Workflows;

/// <summary>What a reconcile found and did.</summary>
/// <param name="Added">New VMs, recorded as discovered.</param>
/// <param name="Reappeared">VMs skipped as vanished that came back, moved to discovered.</param>
/// <param name="Vanished">VMs no longer present, moved to skipped with reason <c>vanished</c>.</param>
/// <param name="VanishedRegistered">Registered VMs no longer present (left registered; deregister them externally).</param>
/// <param name="Unchanged">Records still present and left as they were.</param>
public sealed record ReconcileResult(
    IReadOnlyList<RegistrationRecord> Added,
    IReadOnlyList<RegistrationRecord> Reappeared,
    IReadOnlyList<RegistrationRecord> Vanished,
    IReadOnlyList<RegistrationRecord> VanishedRegistered,
    int Unchanged);
