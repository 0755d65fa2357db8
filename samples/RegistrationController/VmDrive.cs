using Rsspot.Workflows;

namespace RegistrationController;

/// <summary>One claimed VM being driven: the record as this worker last wrote it, which every fence and move is checked against.</summary>
internal sealed class VmDrive(RegistrationRecord claimed, string owner, RegistrationWorkflow workflow)
{
    public RegistrationRecord Held { get; set; } = claimed;

    public string Owner { get; } = owner;

    public int Steps { get; set; }

    /// <summary>The last check before an external call: the claim is still ours at the version we hold (renewed by it).</summary>
    public async Task FenceAsync(CancellationToken cancellationToken) =>
        Held = await workflow.RenewLeaseAsync(Held, Owner, cancellationToken).ConfigureAwait(false);
}
