using System.Text.Json.Nodes;
using Rsspot;
using Rsspot.Workflows;

namespace RegistrationController;

/// <summary>
/// The controller: each round reconciles the ledger with the VMs that exist, claims work with a lease, and drives
/// each claimed VM one idempotent step at a time: discovered → token_issued → submitted → registered. A step's
/// external call is made before its ledger move and is keyed by the registration key, so a process killed
/// between the two repeats the call harmlessly after a restart. A failed step is recorded (failed + error) and
/// retried from where it stopped in a later round; after <see cref="ControllerOptions.MaxAttempts"/> the VM is skipped.
/// </summary>
internal sealed class RegistrationLoop(ControllerOptions options, SpotClient client, RegistrationWorkflow workflow, FakeOmni omni, TransitionLog log, TimeProvider time)
{
    private static readonly RegistrationStatus[] Claimable =
        [RegistrationStatus.Discovered, RegistrationStatus.TokenIssued, RegistrationStatus.Submitted, RegistrationStatus.Failed];

    /// <summary>Runs rounds until nothing is left to do (or forever with <c>--watch</c>); returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var org = await client.GetOrganizationAsync(cancellationToken).ConfigureAwait(false);
        for (var round = 1; ; round++)
        {
            IReadOnlyList<VmCloudspaceSnapshot> snapshots;
            try
            {
                snapshots = await client.Inventory.ListVmCloudspaceSnapshotsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SpotException ex) when (options.Watch)
            {
                // A controller outlives API hiccups: report and try again next round (the SDK already retried).
                log.Info($"round n={round} error=\"{ex.Message}\"");
                await Task.Delay(options.RoundDelay, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            LogReconcile(await workflow.ReconcileAsync(org.Id, snapshots, options.Cluster, cancellationToken).ConfigureAwait(false));

            var claimed = await workflow.ClaimNextAsync(options.WorkerId, options.Batch, Claimable, cancellationToken).ConfigureAwait(false);
            log.Info($"round n={round} vms={snapshots.Sum(s => s.Servers.Count)} claimed={claimed.Count}");
            foreach (var record in claimed)
            {
                await DriveAsync(record, cancellationToken).ConfigureAwait(false);
            }

            var open = await OpenAsync(org.Id, cancellationToken).ConfigureAwait(false);
            if (!options.Watch && open.Count == 0)
            {
                var all = (await workflow.ListAsync(cancellationToken).ConfigureAwait(false)).Where(r => r.OrgId == org.Id && r.OmniCluster == options.Cluster).ToList();
                log.Info($"done registered={all.Count(r => r.Status == RegistrationStatus.Registered)} skipped={all.Count(r => r.Status == RegistrationStatus.Skipped)}");
                return 0;
            }

            await Task.Delay(options.RoundDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records that still need work (anything not registered or skipped), whoever holds them.</summary>
    private async Task<List<RegistrationRecord>> OpenAsync(string orgId, CancellationToken cancellationToken) =>
        [.. (await workflow.ListAsync(cancellationToken).ConfigureAwait(false)).Where(r => r.OrgId == orgId && r.OmniCluster == options.Cluster && r.Status is not (RegistrationStatus.Registered or RegistrationStatus.Skipped))];

    private void LogReconcile(ReconcileResult result)
    {
        foreach (var record in result.Added)
        {
            log.Transition(record, null);
        }

        foreach (var record in result.Reappeared)
        {
            log.Transition(record, RegistrationStatus.Skipped, "reason=reappeared");
        }

        foreach (var record in result.Vanished)
        {
            log.Transition(record, record.History[^1].From, "reason=vanished");
        }

        foreach (var record in result.VanishedRegistered)
        {
            log.Info($"vanished-registered key={record.Key} vm={record.VmCloudspace}/{record.VmName} (deregister it in the external system)");
        }
    }

    /// <summary>Moves one claimed record forward until it is registered, fails, or the claim is lost.</summary>
    private async Task DriveAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        var key = record.Key;
        try
        {
            while (record.Status is not (RegistrationStatus.Registered or RegistrationStatus.Skipped))
            {
                if (options.StepDelay > TimeSpan.Zero)
                {
                    await Task.Delay(options.StepDelay, time, cancellationToken).ConfigureAwait(false);
                }

                record = await workflow.RenewLeaseAsync(key, options.WorkerId, cancellationToken).ConfigureAwait(false);
                var from = record.Status;
                (record, var detail) = await StepAsync(record, cancellationToken).ConfigureAwait(false);
                log.Transition(record, from, detail);
            }
        }
        catch (RegistrationConflictException)
        {
            log.Info($"lease-lost key={key} worker={options.WorkerId}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not IllegalTransitionException)
        {
            var from = record.Status;
            record = await workflow.MarkFailedAsync(key, ex.Message, options.WorkerId, cancellationToken).ConfigureAwait(false);
            await workflow.ReleaseAsync(key, options.WorkerId, cancellationToken).ConfigureAwait(false);
            log.Transition(record, from, $"error=\"{ex.Message}\"");
        }
    }

    /// <summary>One step from the record's current status; returns the record after the move and a detail for the log.</summary>
    private async Task<(RegistrationRecord Record, string? Detail)> StepAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        var key = record.Key;
        var owner = options.WorkerId;
        switch (record.Status)
        {
            case RegistrationStatus.Failed:
                return await RetryAsync(record, cancellationToken).ConfigureAwait(false);

            case RegistrationStatus.Discovered:
                // The token secret stays in memory (it would go into the machine's config); the ledger keeps id and expiry.
                var token = await omni.IssueJoinTokenAsync(key, cancellationToken).ConfigureAwait(false);
                return (await workflow.MarkTokenIssuedAsync(key, token.Id, token.ExpiresAt, owner, cancellationToken).ConfigureAwait(false), $"token={token.Id}");

            case RegistrationStatus.TokenIssued when record.TokenExpiresAt <= time.GetUtcNow():
                return (await workflow.MarkFailedAsync(key, $"join token {record.TokenId} expired before submission", owner, cancellationToken).ConfigureAwait(false), "error=\"token expired\"");

            case RegistrationStatus.TokenIssued:
                var submitted = await omni.SubmitMachineAsync(key, record.VmUid, record.TokenId!, cancellationToken).ConfigureAwait(false);
                return (await workflow.TransitionAsync(key, RegistrationStatus.Submitted, new TransitionDetails { Owner = owner }, cancellationToken).ConfigureAwait(false), $"machine={submitted}");

            case RegistrationStatus.Submitted:
                // Confirm with the external system; a submit lost to a crash is simply made again (idempotent).
                var machine = await omni.FindMachineAsync(key, cancellationToken).ConfigureAwait(false)
                    ?? await omni.SubmitMachineAsync(key, record.VmUid, record.TokenId!, cancellationToken).ConfigureAwait(false);
                var payload = new JsonObject { ["machine_id"] = machine, ["cluster"] = options.Cluster }.ToJsonString();
                return (await workflow.TransitionAsync(key, RegistrationStatus.Registered, new TransitionDetails { Owner = owner, PayloadJson = payload }, cancellationToken).ConfigureAwait(false), $"machine={machine}");

            default:
                throw new InvalidOperationException($"Nothing to do for {key} in status {record.Status.ToText()}.");
        }
    }

    /// <summary>A failed record goes back to the step that failed (to discovered if its token has expired), or is skipped after too many failures.</summary>
    private async Task<(RegistrationRecord Record, string? Detail)> RetryAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        var failures = record.History.Count(h => h.To == RegistrationStatus.Failed);
        if (failures >= options.MaxAttempts)
        {
            return (await workflow.MarkSkippedAsync(record.Key, $"gave up after {failures} failures", options.WorkerId, cancellationToken).ConfigureAwait(false), $"reason=\"gave up after {failures} failures\"");
        }

        var failedAt = record.History.LastOrDefault(h => h.To == RegistrationStatus.Failed)?.From ?? RegistrationStatus.Discovered;
        var tokenExpired = record.TokenExpiresAt is null || record.TokenExpiresAt <= time.GetUtcNow();
        var target = failedAt is RegistrationStatus.TokenIssued or RegistrationStatus.Submitted && !tokenExpired ? failedAt : RegistrationStatus.Discovered;
        var retried = await workflow.TransitionAsync(record.Key, target, new TransitionDetails { Owner = options.WorkerId, Reason = "retry" }, cancellationToken).ConfigureAwait(false);
        return (retried, $"reason=retry attempt={failures + 1}");
    }
}
