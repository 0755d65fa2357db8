using System.Data.Common;
using System.Text.Json.Nodes;
using Rsspot;
using Rsspot.State;
using Rsspot.Workflows;

namespace RegistrationController;

/// <summary>
/// The controller: each round reconciles the ledger with the VMs that exist, claims the work that is due with a
/// lease, and drives each claimed VM one step at a time: discovered → token_issued → submitted → registered.
/// <list type="bullet">
/// <item>Fencing: every external call is preceded, at the last moment, by a renewal of the claim fenced on the
/// record's version, and every move is made with the owner and that version; a worker that finds a VM taken over
/// logs <c>lease-lost</c>, makes no call for it and carries on.</item>
/// <item>A failed step is recorded (failed + error) and the VM waits out its backoff (5 s doubling to 5 min) before
/// the next attempt; it is skipped after <see cref="ControllerOptions.MaxAttempts"/> failures since it was discovered.</item>
/// <item>Ledger, API and external-system outages never end the loop: it logs one line when one begins and one when
/// it ends, backs off (0.5 s doubling to 10 s) and carries on; a ledger error is never counted against a VM.</item>
/// </list>
/// </summary>
internal sealed class RegistrationLoop(ControllerOptions options, SpotClient client, RegistrationWorkflow workflow, FakeOmni omni, TransitionLog log, Outages outages, TimeProvider time)
{
    private readonly ClaimSize _claims = new(options.Batch, options.Lease);
    private int _idleRounds;

    /// <summary>Runs rounds until nothing is left to do (or forever with <c>--watch</c>); returns the exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var org = await outages.Api.RetryAsync(ct => client.GetOrganizationAsync(ct), cancellationToken).ConfigureAwait(false);
        for (var round = 1; ; round++)
        {
            IReadOnlyList<VmCloudspaceSnapshot> snapshots;
            try
            {
                snapshots = await client.Inventory.ListVmCloudspaceSnapshotsAsync(cancellationToken).ConfigureAwait(false);
                outages.Api.Succeeded();
            }
            catch (SpotException ex)
            {
                // The SDK already retried: report the outage once and try again after a backoff.
                await Task.Delay(outages.Api.Failed(ex), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            bool done;
            try
            {
                done = await RoundAsync(round, org.Id, snapshots, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsLedgerFault(ex) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(outages.Ledger.Failed(ex), time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (done)
            {
                return 0;
            }

            await Task.Delay(NextRoundDelay(), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>--round-delay-ms</c> after a round that claimed something; after rounds that claimed nothing it doubles, up to
    /// 8 times that and at most half a lease (so claims a dead worker left are still picked up soon after they expire):
    /// an idle replica does not list every VM and read every ledger row several times a second.
    /// </summary>
    private TimeSpan NextRoundDelay()
    {
        var delay = options.RoundDelay * (1 << Math.Min(_idleRounds, 3));
        var cap = options.Lease / 2;
        return delay <= cap ? delay : cap > options.RoundDelay ? cap : options.RoundDelay;
    }

    /// <summary>A ledger (database) failure: it ends the round, never counts against a VM.</summary>
    private static bool IsLedgerFault(Exception ex) => ex is StateStoreException or DbException or TimeoutException;

    private async Task<bool> RoundAsync(int round, string orgId, IReadOnlyList<VmCloudspaceSnapshot> snapshots, CancellationToken cancellationToken)
    {
        LogReconcile(await workflow.ReconcileAsync(orgId, snapshots, options.Cluster, cancellationToken).ConfigureAwait(false));
        outages.Ledger.Succeeded();

        // Claims follow one another without a new inventory while each comes back full (more is due) and the round
        // is younger than a lease: a reconcile reads every VM and every ledger row, a claim only the rows it takes.
        var roundStarted = time.GetTimestamp();
        for (var claim = 1; ; claim++)
        {
            var wanted = _claims.Size;
            var claimed = await workflow.ClaimDueAsync(options.WorkerId, wanted, cancellationToken).ConfigureAwait(false);
            _idleRounds = claim == 1 && claimed.Count == 0 ? _idleRounds + 1 : 0;
            log.Info(claim == 1 ? $"round n={round} vms={snapshots.Sum(s => s.Servers.Count)} claimed={claimed.Count}" : $"claim n={round}.{claim} claimed={claimed.Count}");
            var driven = await DriveAllAsync(claimed, cancellationToken).ConfigureAwait(false);
            _claims.Drove(driven, claimed.Count);
            if (claimed.Count < wanted)
            {
                break;
            }

            if (time.GetElapsedTime(roundStarted) >= options.Lease)
            {
                // More may be due (only a short claim can mean all is done): the next round takes a fresh inventory first.
                return false;
            }
        }

        if (options.Watch)
        {
            return false;
        }

        var mine = (await workflow.ListAsync(cancellationToken).ConfigureAwait(false)).Where(r => r.OrgId == orgId && r.OmniCluster == options.Cluster).ToList();
        if (mine.Any(r => r.Status is not (RegistrationStatus.Registered or RegistrationStatus.Skipped)))
        {
            return false;
        }

        log.Info($"done registered={mine.Count(r => r.Status == RegistrationStatus.Registered)} skipped={mine.Count(r => r.Status == RegistrationStatus.Skipped)}");
        return true;
    }

    /// <summary>
    /// Drives the claimed records one after another for at most <see cref="ClaimSize.DriveWithin"/>; returns how many
    /// it drove. The claims not started stay this worker's until their leases run out: the next claim, a moment away,
    /// can take them again (its own claims count as free to it), and once expired any worker may.
    /// </summary>
    private async Task<int> DriveAllAsync(IReadOnlyList<RegistrationRecord> claimed, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var driven = 0;
        foreach (var record in claimed)
        {
            if (driven > 0 && time.GetElapsedTime(started) > _claims.DriveWithin)
            {
                break;
            }

            await DriveAsync(record, cancellationToken).ConfigureAwait(false);
            driven++;
        }

        return driven;
    }

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
            log.Info($"vanished-registered key={record.Key} vm={record.VmCloudspace}/{record.VmName} (registered, no longer in its VM cloudspace)");
        }
    }

    /// <summary>
    /// Moves one claimed record forward until it is registered, skipped or failed, or the claim is lost. Ledger
    /// errors leave the method (the round ends; the claim stays this worker's until its lease runs out).
    /// </summary>
    private async Task DriveAsync(RegistrationRecord claimed, CancellationToken cancellationToken)
    {
        var drive = new VmDrive(claimed, options.WorkerId, workflow);
        try
        {
            var submitting = false;
            while (drive.Held.Status is not (RegistrationStatus.Registered or RegistrationStatus.Skipped or RegistrationStatus.Failed) || drive.Steps == 0)
            {
                if (options.StepDelay > TimeSpan.Zero)
                {
                    await Task.Delay(options.StepDelay, time, cancellationToken).ConfigureAwait(false);
                }

                var from = drive.Held.Status;
                var detail = await StepAsync(drive, submitting, cancellationToken).ConfigureAwait(false);
                submitting = from == RegistrationStatus.TokenIssued && drive.Held.Status == RegistrationStatus.Submitted;
                log.Transition(drive.Held, from, detail);
            }
        }
        catch (RegistrationConflictException)
        {
            // Taken over (or released) while this worker paused or was slow: no call was made for it after that.
            log.Info($"lease-lost key={drive.Held.Key} worker={options.WorkerId}");
        }
        catch (OrchestratorFault fault)
        {
            if (fault.Op is { } op)
            {
                outages.Omni(op).Failed(fault.InnerException!);
            }

            var from = drive.Held.Status;
            try
            {
                var failed = await workflow.TransitionAsync(
                    drive.Held.Key,
                    RegistrationStatus.Failed,
                    new TransitionDetails { Error = fault.InnerException!.Message, Owner = options.WorkerId, ExpectedVersion = drive.Held.Version },
                    cancellationToken).ConfigureAwait(false);
                await workflow.ReleaseAsync(failed.Key, options.WorkerId, cancellationToken).ConfigureAwait(false);
                var retryIn = workflow.RetryPolicy.NextAttemptAt(failed) - failed.UpdatedAt;
                log.Transition(failed, from, $"error=\"{fault.InnerException.Message}\" retry_in={retryIn?.TotalSeconds:0.0}s");
            }
            catch (RegistrationConflictException)
            {
                log.Info($"lease-lost key={drive.Held.Key} worker={options.WorkerId}");
            }
        }
        catch (IllegalTransitionException ex)
        {
            // Someone moved the record by hand meanwhile: leave it as it is.
            log.Info($"skipped-step key={drive.Held.Key} error=\"{ex.Message}\"");
        }
    }

    /// <summary>One step from the record's current status; returns a detail for the log.</summary>
    private async Task<string?> StepAsync(VmDrive drive, bool submitting, CancellationToken cancellationToken)
    {
        var record = drive.Held;
        var key = record.Key;
        drive.Steps++;
        switch (record.Status)
        {
            case RegistrationStatus.Failed:
                drive.Held = await workflow.RetryAsync(record, options.WorkerId, cancellationToken).ConfigureAwait(false);
                return drive.Held.Status == RegistrationStatus.Skipped
                    ? $"reason=\"{drive.Held.History[^1].Reason}\""
                    : $"reason=retry attempt={RegistrationRetryPolicy.FailuresSinceDiscovered(drive.Held) + 1}";

            case RegistrationStatus.Discovered:
                // The token secret stays in memory (it would go into the machine's config); the ledger keeps id and expiry.
                var token = await CallAsync("token", key, ct => omni.IssueJoinTokenAsync(key, drive.FenceAsync, ct), cancellationToken).ConfigureAwait(false);
                drive.Held = await workflow.MarkAsync(drive, RegistrationStatus.TokenIssued, new TransitionDetails { TokenId = token.Id, TokenExpiresAt = token.ExpiresAt }, cancellationToken).ConfigureAwait(false);
                return $"token={token.Id}";

            case RegistrationStatus.TokenIssued when record.TokenExpiresAt <= time.GetUtcNow():
                throw new OrchestratorFault(null, new InvalidOperationException($"join token {record.TokenId} expired before submission"));

            case RegistrationStatus.TokenIssued:
                // Recorded before the submit, so a later duplicate answer can be told apart from one of our own.
                drive.Held = await workflow.MarkAsync(drive, RegistrationStatus.Submitted, new TransitionDetails(), cancellationToken).ConfigureAwait(false);
                return null;

            case RegistrationStatus.Submitted when submitting:
                var answer = await CallAsync("submit", key, ct => omni.SubmitMachineAsync(key, record.VmUid, record.TokenId!, drive.FenceAsync, ct), cancellationToken).ConfigureAwait(false);
                if (answer.Duplicate && record.History.Count(h => h.To == RegistrationStatus.Submitted) == 1)
                {
                    // This ledger submitted it for the first time just now, yet it exists: another ledger or someone else registers these VMs.
                    RegistrationWorkflow.ReportForeignDuplicate(key);
                    log.Info($"warning duplicate key={key} vm={record.VmCloudspace}/{record.VmName} machine={answer.MachineId} (the external system already had it: a second ledger, or someone else registering these VMs?)");
                }

                return await RegisterAsync(drive, answer.MachineId, cancellationToken).ConfigureAwait(false);

            case RegistrationStatus.Submitted:
                // Confirm with the external system; a submit lost to a crash is simply made again (idempotent).
                var machine = await CallAsync("find", key, ct => omni.FindMachineAsync(key, drive.FenceAsync, ct), cancellationToken).ConfigureAwait(false)
                    ?? (await CallAsync("submit", key, ct => omni.SubmitMachineAsync(key, record.VmUid, record.TokenId!, drive.FenceAsync, ct), cancellationToken).ConfigureAwait(false)).MachineId;
                return await RegisterAsync(drive, machine, cancellationToken).ConfigureAwait(false);

            default:
                throw new InvalidOperationException($"Nothing to do for {key} in status {record.Status.ToText()}.");
        }
    }

    private async Task<string> RegisterAsync(VmDrive drive, string machine, CancellationToken cancellationToken)
    {
        var payload = new JsonObject { ["machine_id"] = machine, ["cluster"] = options.Cluster }.ToJsonString();
        drive.Held = await workflow.MarkAsync(drive, RegistrationStatus.Registered, new TransitionDetails { PayloadJson = payload }, cancellationToken).ConfigureAwait(false);
        return $"machine={machine}";
    }

    /// <summary>One call to the external system: its own failures become <see cref="OrchestratorFault"/>; the fence's ledger errors and conflicts pass through.</summary>
    private async Task<T> CallAsync<T>(string op, string key, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        log.Info($"call op={op} key={key} worker={options.WorkerId}");
        try
        {
            var result = await call(cancellationToken).ConfigureAwait(false);
            outages.Omni(op).Succeeded();
            return result;
        }
        catch (Exception ex) when (ex is not (RegistrationConflictException or OperationCanceledException) && !IsLedgerFault(ex))
        {
            throw new OrchestratorFault(op, ex);
        }
    }
}
