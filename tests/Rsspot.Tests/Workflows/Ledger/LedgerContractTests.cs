using System.Diagnostics;
using Rsspot.Tests.State;
using Rsspot.Workflows;

namespace Rsspot.Tests.Workflows.Ledger;

/// <summary>
/// What every <see cref="IRegistrationLedger"/> must do, run against each backend by a subclass: transitions,
/// compare-and-set conflicts, leases (expiry and theft), concurrent claims from tasks and from processes, reconcile.
/// </summary>
public abstract class LedgerContractTests : IAsyncLifetime
{
    private static readonly TimeSpan LongLease = TimeSpan.FromMinutes(10);

    private IRegistrationLedger? _ledger;

    protected IRegistrationLedger Ledger => _ledger ?? throw new InvalidOperationException("The ledger is not open.");

    /// <summary>A lease short enough to wait out (or to advance past on a fake clock).</summary>
    protected abstract TimeSpan ShortLease { get; }

    public async Task InitializeAsync()
    {
        SkipUnlessAvailable();
        _ledger = await OpenLedgerAsync();
    }

    public async Task DisposeAsync()
    {
        if (_ledger is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        await CleanUpAsync();
    }

    /// <summary>Skips the test (reported as skipped) when the backend is not available here.</summary>
    protected virtual void SkipUnlessAvailable()
    {
    }

    /// <summary>A new, empty ledger of its own.</summary>
    protected abstract Task<IRegistrationLedger> OpenLedgerAsync();

    protected abstract Task CleanUpAsync();

    /// <summary>Lets leases of <see cref="ShortLease"/> taken so far expire by the ledger's clock.</summary>
    protected abstract Task LetShortLeasesExpireAsync();

    /// <summary>Starts a child process that claims discovered records one by one for <paramref name="owner"/> once <paramref name="goFile"/> exists.</summary>
    protected abstract Process StartClaimingProcess(string owner, string goFile);

    private static RegistrationCandidate Candidate(int i, string cloudspace = "vcs-a", string? pool = "pool-1") =>
        new($"vmreg-{i:D4}", $"srv-{i}", "org-1", cloudspace, pool, $"vm-{i}", "cluster-1");

    private async Task<List<RegistrationRecord>> DiscoverAsync(int count) =>
        [.. await Ledger.DiscoverAsync(Enumerable.Range(0, count).Select(i => Candidate(i)))];

    [SkippableFact]
    public async Task Discover_records_new_candidates_once_and_returns_known_ones_unchanged()
    {
        RegistrationRecord first = (await DiscoverAsync(1))[0];
        await Ledger.TransitionAsync(first.Key, RegistrationStatus.TokenIssued, new TransitionDetails { TokenId = "t1" });

        IReadOnlyList<RegistrationRecord> again = await Ledger.DiscoverAsync([Candidate(0), Candidate(0), Candidate(1)]);

        Assert.Equal(["vmreg-0000", "vmreg-0001"], again.Select(r => r.Key));
        Assert.Equal(RegistrationStatus.TokenIssued, again[0].Status);
        Assert.Equal(2, again[0].Version);
        Assert.Equal(RegistrationStatus.Discovered, again[1].Status);
        Assert.Equal(again[0], await Ledger.GetAsync(first.Key));
    }

    [SkippableFact]
    public async Task The_forward_path_keeps_every_move_in_the_history_and_registered_releases_the_claim()
    {
        string key = (await DiscoverAsync(1))[0].Key;
        Assert.NotNull(await Ledger.TryClaimAsync(key, "w1", LongLease));

        await Ledger.TransitionAsync(key, RegistrationStatus.TokenIssued, new TransitionDetails { Owner = "w1", TokenId = "jt-1", TokenExpiresAt = DateTimeOffset.UtcNow.AddHours(1) });
        await Ledger.TransitionAsync(key, RegistrationStatus.Submitted, new TransitionDetails { Owner = "w1" });
        RegistrationRecord registered = await Ledger.TransitionAsync(key, RegistrationStatus.Registered, new TransitionDetails { Owner = "w1", PayloadJson = """{"machine_id":"m-1","token":"s3cret"}""" });

        RegistrationRecord stored = (await Ledger.GetAsync(key))!;
        Assert.Equal(registered, stored);
        Assert.Equal(RegistrationStatus.Registered, stored.Status);
        Assert.Null(stored.LeaseOwner);
        Assert.Equal("jt-1", stored.TokenId);
        Assert.DoesNotContain("s3cret", stored.Payload, StringComparison.Ordinal);
        Assert.Contains("m-1", stored.Payload, StringComparison.Ordinal);
        Assert.Equal(
            [RegistrationStatus.Discovered, RegistrationStatus.TokenIssued, RegistrationStatus.Submitted, RegistrationStatus.Registered],
            stored.History.Select(h => h.To));
        Assert.Equal(5, stored.Version);
    }

    [SkippableFact]
    public async Task Illegal_moves_are_refused_and_change_nothing()
    {
        string key = (await DiscoverAsync(1))[0].Key;

        var skip = await Assert.ThrowsAsync<IllegalTransitionException>(() => Ledger.TransitionAsync(key, RegistrationStatus.Submitted));
        Assert.Equal(RegistrationStatus.Discovered, skip.From);
        await Assert.ThrowsAsync<ArgumentException>(() => Ledger.TransitionAsync(key, RegistrationStatus.Failed));

        await Ledger.TransitionAsync(key, RegistrationStatus.TokenIssued);
        await Ledger.TransitionAsync(key, RegistrationStatus.Submitted);
        RegistrationRecord registered = await Ledger.TransitionAsync(key, RegistrationStatus.Registered);
        await Assert.ThrowsAsync<IllegalTransitionException>(() => Ledger.TransitionAsync(key, RegistrationStatus.Discovered));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => Ledger.TransitionAsync(key, RegistrationStatus.Failed, new TransitionDetails { Error = "late" }));

        Assert.Equal(registered, await Ledger.GetAsync(key));
        await Assert.ThrowsAsync<RegistrationNotFoundException>(() => Ledger.TransitionAsync("vmreg-missing", RegistrationStatus.TokenIssued));
    }

    [SkippableFact]
    public async Task Failed_records_retry_from_an_earlier_step_and_a_same_status_move_is_a_no_op()
    {
        string key = (await DiscoverAsync(1))[0].Key;
        await Ledger.TransitionAsync(key, RegistrationStatus.TokenIssued);
        RegistrationRecord failed = await Ledger.TransitionAsync(key, RegistrationStatus.Failed, new TransitionDetails { Error = "omni: 503" });

        Assert.Equal(failed, await Ledger.TransitionAsync(key, RegistrationStatus.Failed, new TransitionDetails { Error = "again" }));
        RegistrationRecord retried = await Ledger.TransitionAsync(key, RegistrationStatus.TokenIssued, new TransitionDetails { Reason = "retry" });

        Assert.Equal("omni: 503", retried.LastError);
        Assert.Equal(failed.Version + 1, retried.Version);
        Assert.Equal("retry", retried.History[^1].Reason);
    }

    [SkippableFact]
    public async Task A_stale_expected_version_is_a_conflict()
    {
        RegistrationRecord record = (await DiscoverAsync(1))[0];
        RegistrationRecord moved = await Ledger.TransitionAsync(record.Key, RegistrationStatus.TokenIssued, new TransitionDetails { ExpectedVersion = record.Version });

        var conflict = await Assert.ThrowsAsync<RegistrationConflictException>(
            () => Ledger.TransitionAsync(record.Key, RegistrationStatus.Submitted, new TransitionDetails { ExpectedVersion = record.Version }));

        Assert.Equal(record.Key, conflict.Key);
        Assert.Equal(moved, await Ledger.GetAsync(record.Key));
    }

    [SkippableFact]
    public async Task Of_many_concurrent_moves_from_one_version_exactly_one_wins()
    {
        RegistrationRecord record = (await DiscoverAsync(1))[0];

        Task<RegistrationRecord>[] attempts = [.. Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            Ledger.TransitionAsync(record.Key, RegistrationStatus.TokenIssued, new TransitionDetails { ExpectedVersion = record.Version, TokenId = "t" + i })))];
        await Task.WhenAll(attempts.Select(a => a.ContinueWith(_ => { }, TaskScheduler.Default)));

        Task<RegistrationRecord> winner = Assert.Single(attempts, a => a.IsCompletedSuccessfully);
        Assert.All(attempts.Where(a => !a.IsCompletedSuccessfully), a => Assert.IsType<RegistrationConflictException>(a.Exception!.InnerException));
        RegistrationRecord stored = (await Ledger.GetAsync(record.Key))!;
        Assert.Equal(record.Version + 1, stored.Version);
        Assert.Equal((await winner).TokenId, stored.TokenId);
    }

    [SkippableFact]
    public async Task A_live_lease_keeps_other_workers_out_until_it_is_released()
    {
        List<RegistrationRecord> records = await DiscoverAsync(2);
        IReadOnlyList<RegistrationRecord> mine = await Ledger.ClaimNextAsync("w1", 1, LongLease);
        string key = Assert.Single(mine).Key;
        Assert.Equal(records[0].Key, key);

        Assert.Null(await Ledger.TryClaimAsync(key, "w2", LongLease));
        Assert.Equal(records[1].Key, Assert.Single(await Ledger.ClaimNextAsync("w2", 5, LongLease)).Key);
        await Assert.ThrowsAsync<RegistrationConflictException>(() => Ledger.TransitionAsync(key, RegistrationStatus.TokenIssued, new TransitionDetails { Owner = "w2" }));
        await Assert.ThrowsAsync<RegistrationConflictException>(() => Ledger.RenewAsync(key, "w2", LongLease));
        Assert.False(await Ledger.ReleaseAsync(key, "w2"));

        Assert.True(await Ledger.ReleaseAsync(key, "w1"));
        RegistrationRecord taken = (await Ledger.TryClaimAsync(key, "w2", LongLease))!;
        Assert.Equal("w2", taken.LeaseOwner);
        Assert.Empty(await Ledger.ListStaleClaimsAsync());
    }

    [SkippableFact]
    public async Task An_expired_lease_can_be_taken_over_and_its_old_owner_can_no_longer_act()
    {
        string key = (await DiscoverAsync(1))[0].Key;
        Assert.Single(await Ledger.ClaimNextAsync("dead-worker", 1, ShortLease));

        await LetShortLeasesExpireAsync();

        Assert.Equal(key, Assert.Single(await Ledger.ListStaleClaimsAsync()).Key);
        RegistrationRecord stolen = Assert.Single(await Ledger.ClaimNextAsync("w2", 1, LongLease));
        Assert.Equal("w2", stolen.LeaseOwner);
        await Assert.ThrowsAsync<RegistrationConflictException>(() => Ledger.RenewAsync(key, "dead-worker", LongLease));
        await Assert.ThrowsAsync<RegistrationConflictException>(() => Ledger.TransitionAsync(key, RegistrationStatus.TokenIssued, new TransitionDetails { Owner = "dead-worker" }));
        Assert.False(await Ledger.ReleaseAsync(key, "dead-worker"));

        RegistrationRecord renewed = await Ledger.RenewAsync(key, "w2", LongLease);
        Assert.True(renewed.LeaseExpiresAt > stolen.LeaseExpiresAt || renewed.LeaseExpiresAt == stolen.LeaseExpiresAt);
        Assert.Equal(stolen.Version + 1, renewed.Version);
    }

    [SkippableFact]
    public async Task Registered_records_are_never_claimed_and_claims_honour_the_status_filter()
    {
        List<RegistrationRecord> records = await DiscoverAsync(3);
        await Ledger.TransitionAsync(records[0].Key, RegistrationStatus.TokenIssued);
        await Ledger.TransitionAsync(records[0].Key, RegistrationStatus.Submitted);
        await Ledger.TransitionAsync(records[0].Key, RegistrationStatus.Registered);
        await Ledger.TransitionAsync(records[1].Key, RegistrationStatus.Failed, new TransitionDetails { Error = "boom" });

        Assert.Null(await Ledger.TryClaimAsync(records[0].Key, "w1", LongLease));
        Assert.Equal([records[2].Key], (await Ledger.ClaimNextAsync("w1", 10, LongLease)).Select(r => r.Key));
        Assert.Equal([records[1].Key], (await Ledger.ClaimNextAsync("w1", 10, LongLease, [RegistrationStatus.Failed])).Select(r => r.Key));
        Assert.Empty(await Ledger.ClaimNextAsync("w1", 10, LongLease, [RegistrationStatus.Registered]));
        await Assert.ThrowsAsync<RegistrationNotFoundException>(() => Ledger.TryClaimAsync("vmreg-missing", "w1", LongLease));
    }

    [SkippableFact]
    public async Task Lists_filter_by_status_and_cloudspace_oldest_first()
    {
        await Ledger.DiscoverAsync([Candidate(0, "vcs-a"), Candidate(1, "vcs-b"), Candidate(2, "vcs-a")]);
        await Ledger.TransitionAsync("vmreg-0002", RegistrationStatus.Skipped, new TransitionDetails { Reason = "manual" });

        Assert.Equal(["vmreg-0000", "vmreg-0001", "vmreg-0002"], (await Ledger.ListAsync()).Select(r => r.Key));
        Assert.Equal(["vmreg-0000", "vmreg-0002"], (await Ledger.ListAsync(vmCloudspace: "vcs-a")).Select(r => r.Key));
        Assert.Equal(["vmreg-0002"], (await Ledger.ListAsync([RegistrationStatus.Skipped])).Select(r => r.Key));
        Assert.Equal(["vmreg-0000"], (await Ledger.ListAsync([RegistrationStatus.Discovered], "vcs-a")).Select(r => r.Key));
    }

    [SkippableFact]
    public async Task Many_tasks_claiming_at_once_get_every_record_exactly_once()
    {
        await DiscoverAsync(150);

        Task<List<string>>[] workers = [.. Enumerable.Range(0, 12).Select(w => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (await Ledger.ClaimNextAsync("w" + w, 3, LongLease, [RegistrationStatus.Discovered]) is { Count: > 0 } claimed)
            {
                foreach (RegistrationRecord record in claimed)
                {
                    await Ledger.TransitionAsync(record.Key, RegistrationStatus.TokenIssued, new TransitionDetails { Owner = "w" + w });
                    mine.Add(record.Key);
                }
            }

            return mine;
        }))];
        List<string>[] results = await Task.WhenAll(workers);

        List<string> all = [.. results.SelectMany(r => r)];
        Assert.Equal(150, all.Count);
        Assert.Equal(150, all.Distinct().Count());
        Assert.All(await Ledger.ListAsync(), r => Assert.Equal(RegistrationStatus.TokenIssued, r.Status));
    }

    [SkippableFact]
    public async Task Several_processes_claiming_at_once_get_every_record_exactly_once()
    {
        List<string> keys = [.. (await DiscoverAsync(90)).Select(r => r.Key)];
        using var dir = new TempStateDir();
        string go = dir.File("go");
        Process[] processes = [.. Enumerable.Range(0, 3).Select(i => StartClaimingProcess("proc-" + i, go))];
        await File.WriteAllTextAsync(go, "go");

        var outputs = new List<string>();
        foreach (Process process in processes)
        {
            using (process)
            {
                outputs.Add(await StateWriterProcess.CompleteAsync(process));
            }
        }

        List<string> claimed = [.. outputs.SelectMany(o => o.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        Assert.Equal(keys.Order(), claimed.Order());
        IReadOnlyList<RegistrationRecord> records = await Ledger.ListAsync();
        Assert.All(records, r => Assert.Equal(RegistrationStatus.TokenIssued, r.Status));
        Assert.All(records, r => Assert.Equal("token-" + r.LeaseOwner, r.TokenId));
    }

    [SkippableFact]
    public async Task Reconcile_adds_new_vms_skips_vanished_ones_and_brings_back_returning_ones()
    {
        RegistrationCandidate a = Candidate(1), b = Candidate(2), c = Candidate(3);
        ReconcileResult first = await Ledger.ReconcileAsync("org-1", "cluster-1", [a, b, c]);
        Assert.Equal([a.Key, b.Key, c.Key], first.Added.Select(r => r.Key));
        await Ledger.TransitionAsync(a.Key, RegistrationStatus.TokenIssued);
        await Ledger.TransitionAsync(a.Key, RegistrationStatus.Submitted);
        await Ledger.TransitionAsync(a.Key, RegistrationStatus.Registered);

        ReconcileResult second = await Ledger.ReconcileAsync("org-1", "cluster-1", [c]);

        Assert.Empty(second.Added);
        Assert.Equal([b.Key], second.Vanished.Select(r => r.Key));
        Assert.Equal([a.Key], second.VanishedRegistered.Select(r => r.Key));
        Assert.Equal(1, second.Unchanged);
        RegistrationRecord vanished = (await Ledger.GetAsync(b.Key))!;
        Assert.Equal(RegistrationStatus.Skipped, vanished.Status);
        Assert.Equal(RegistrationWorkflow.VanishedReason, vanished.History[^1].Reason);
        Assert.Equal(RegistrationStatus.Registered, (await Ledger.GetAsync(a.Key))!.Status);

        ReconcileResult third = await Ledger.ReconcileAsync("org-1", "cluster-1", [a, b, c]);

        Assert.Equal([b.Key], third.Reappeared.Select(r => r.Key));
        Assert.Equal(RegistrationStatus.Discovered, (await Ledger.GetAsync(b.Key))!.Status);
        Assert.Equal(third.Reappeared[0], await Ledger.GetAsync(b.Key));
        Assert.Equal(2, third.Unchanged);

        ReconcileResult otherCluster = await Ledger.ReconcileAsync("org-1", "cluster-2", []);
        Assert.Equal(0, otherCluster.Unchanged + otherCluster.Vanished.Count);
    }

    [SkippableFact]
    public async Task Concurrent_reconciles_of_one_cluster_add_each_vm_once()
    {
        RegistrationCandidate[] candidates = [.. Enumerable.Range(0, 40).Select(i => Candidate(i))];

        ReconcileResult[] results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Ledger.ReconcileAsync("org-1", "cluster-1", candidates))));

        Assert.Equal(40, results.Sum(r => r.Added.Count));
        Assert.Equal(40, (await Ledger.ListAsync()).Count);
    }

    [SkippableFact]
    public async Task A_worker_whose_claim_was_taken_over_can_neither_renew_nor_move_it_not_even_to_its_current_status()
    {
        string key = (await DiscoverAsync(1))[0].Key;
        RegistrationRecord held = Assert.Single(await Ledger.ClaimNextAsync("paused", 1, ShortLease));
        await LetShortLeasesExpireAsync();
        Assert.NotNull(await Ledger.TryClaimAsync(key, "w2", LongLease));
        await Ledger.TransitionAsync(key, RegistrationStatus.TokenIssued, new TransitionDetails { Owner = "w2" });
        await Ledger.TransitionAsync(key, RegistrationStatus.Submitted, new TransitionDetails { Owner = "w2" });
        RegistrationRecord registered = await Ledger.TransitionAsync(key, RegistrationStatus.Registered, new TransitionDetails { Owner = "w2" });

        var renew = await Assert.ThrowsAsync<RegistrationConflictException>(() => Ledger.RenewAsync(key, "paused", LongLease, held.Version));
        Assert.DoesNotContain("deregister", renew.Message, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAsync<RegistrationConflictException>(() => Ledger.TransitionAsync(key, RegistrationStatus.Registered, new TransitionDetails { Owner = "paused" }));
        var move = await Assert.ThrowsAsync<RegistrationConflictException>(() => Ledger.TransitionAsync(key, RegistrationStatus.Submitted, new TransitionDetails { Owner = "paused", ExpectedVersion = held.Version }));
        Assert.DoesNotContain("deregister", move.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(registered, await Ledger.GetAsync(key));
    }

    [SkippableFact]
    public async Task A_fenced_renewal_holds_after_expiry_while_nobody_else_acted_and_fails_once_the_version_moved()
    {
        string key = (await DiscoverAsync(1))[0].Key;
        RegistrationRecord held = Assert.Single(await Ledger.ClaimNextAsync("w1", 1, ShortLease));
        await LetShortLeasesExpireAsync();

        RegistrationRecord renewed = await Ledger.RenewAsync(key, "w1", LongLease, held.Version);

        Assert.Equal(held.Version + 1, renewed.Version);
        Assert.Equal("w1", renewed.LeaseOwner);
        await Assert.ThrowsAsync<RegistrationConflictException>(() => Ledger.RenewAsync(key, "w1", LongLease, held.Version));
        RegistrationRecord moved = await Ledger.TransitionAsync(key, RegistrationStatus.TokenIssued, new TransitionDetails { Owner = "w1", ExpectedVersion = renewed.Version });
        Assert.Equal(RegistrationStatus.TokenIssued, moved.Status);
    }

    [SkippableFact]
    public async Task A_released_claim_refuses_moves_by_its_former_owner()
    {
        string key = (await DiscoverAsync(1))[0].Key;
        RegistrationRecord held = (await Ledger.TryClaimAsync(key, "w1", LongLease))!;
        Assert.True(await Ledger.ReleaseAsync(key, "w1"));

        await Assert.ThrowsAsync<RegistrationConflictException>(() => Ledger.TransitionAsync(key, RegistrationStatus.TokenIssued, new TransitionDetails { Owner = "w1" }));
        await Assert.ThrowsAsync<RegistrationConflictException>(() => Ledger.RenewAsync(key, "w1", LongLease, held.Version));
        Assert.Equal(RegistrationStatus.Discovered, (await Ledger.GetAsync(key))!.Status);
    }
}
