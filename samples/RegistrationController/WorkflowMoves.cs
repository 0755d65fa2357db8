using Rsspot.Workflows;

namespace RegistrationController;

/// <summary>Fenced moves: made with the owner and the version the drive holds, so a move by a worker that lost the VM is refused.</summary>
internal static class WorkflowMoves
{
    public static Task<RegistrationRecord> MarkAsync(this RegistrationWorkflow workflow, VmDrive drive, RegistrationStatus to, TransitionDetails details, CancellationToken cancellationToken) =>
        workflow.TransitionAsync(drive.Held.Key, to, details with { Owner = drive.Owner, ExpectedVersion = drive.Held.Version }, cancellationToken);
}
