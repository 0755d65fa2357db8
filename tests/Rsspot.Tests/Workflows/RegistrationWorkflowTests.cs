using Microsoft.Extensions.Time.Testing;
using Rsspot.State;
using Rsspot.Workflows;

namespace Rsspot.Tests.Workflows;

public sealed class RegistrationWorkflowTests : IDisposable
{
    private const string Org = "org-abc";
    private readonly StateStore _store = StateStore.OpenInMemory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly RegistrationWorkflow _workflow;

    public RegistrationWorkflowTests()
    {
        _workflow = new RegistrationWorkflow(_store, _time, TimeSpan.FromMinutes(2));
    }

    public void Dispose()
    {
        _store.Dispose();
    }

    private static VmCloudspaceSnapshot Cloudspace(string name, params string[] servers)
    {
        return new VmCloudspaceSnapshot(name, [.. servers.Select(s => new AssignedVm("key-" + s, s, "Display " + s, "pool-1"))]);
    }

    private RegistrationRecord DiscoverOne(string server = "srv-1")
    {
        return _workflow.Discover(RegistrationWorkflow.ListCandidates(Org, [Cloudspace("vcs-a", server)])[0]);
    }

    private RegistrationRecord MoveTo(string key, RegistrationStatus target)
    {
        RegistrationStatus[] path = target switch
        {
            RegistrationStatus.Discovered => [],
            RegistrationStatus.TokenIssued => [RegistrationStatus.TokenIssued],
            RegistrationStatus.Submitted => [RegistrationStatus.TokenIssued, RegistrationStatus.Submitted],
            RegistrationStatus.Registered => [RegistrationStatus.TokenIssued, RegistrationStatus.Submitted, RegistrationStatus.Registered],
            RegistrationStatus.Failed => [RegistrationStatus.Failed],
            _ => [RegistrationStatus.Skipped],
        };
        RegistrationRecord record = _workflow.Get(key)!;
        foreach (RegistrationStatus step in path)
        {
            record = _workflow.Transition(key, step, new TransitionDetails { Error = step == RegistrationStatus.Failed ? "boom" : null });
        }

        return record;
    }

    [Fact]
    public void Keys_match_the_python_derivation()
    {
        Assert.Equal("vmreg-70fce0525015b7f5f99cfcd571cb54cd", RegistrationKey.Compute("srv-1", "org-abc", "vcs-a", "pool-1", "omni-x"));
        Assert.Equal("vmreg-52030e769fd12e66598621c6f39862f6", RegistrationKey.Compute("srv-1", "org-abc", "vcs-a", null, null));
    }

    [Fact]
    public void Candidates_take_uid_name_and_pool_from_assigned_servers_with_fallbacks()
    {
        VmCloudspaceSnapshot cloudspace = new("vcs-a",
        [
            new AssignedVm("k1", "srv-1", "Web 1", "pool-1"),
            new AssignedVm("k2", null, null, null),
            new AssignedVm("k3", "srv-3", null, "pool-2"),
        ]);

        IReadOnlyList<RegistrationCandidate> candidates = RegistrationWorkflow.ListCandidates(Org, [cloudspace, Cloudspace("vcs-b", "srv-9")], "omni-x");

        Assert.Equal(4, candidates.Count);
        Assert.Equal(("srv-1", "Web 1", "pool-1"), (candidates[0].VmUid, candidates[0].VmName, candidates[0].VmPool));
        Assert.Equal(("k2", "k2", null), (candidates[1].VmUid, candidates[1].VmName, candidates[1].VmPool));
        Assert.Equal(("srv-3", "srv-3", "pool-2"), (candidates[2].VmUid, candidates[2].VmName, candidates[2].VmPool));
        Assert.Equal("vcs-b", candidates[3].VmCloudspace);
        Assert.Equal(RegistrationKey.Compute("srv-1", Org, "vcs-a", "pool-1", "omni-x"), candidates[0].Key);
        Assert.All(candidates, c => Assert.Equal("omni-x", c.OmniCluster));
    }

    [Fact]
    public void Discover_is_idempotent()
    {
        RegistrationRecord first = DiscoverOne();
        RegistrationRecord again = DiscoverOne();

        Assert.Equal(RegistrationStatus.Discovered, first.Status);
        Assert.Equal(first, again);
        Assert.Single(_workflow.List());
        Assert.Single(_workflow.Get(first.Key)!.History);
    }

    public static TheoryData<RegistrationStatus, RegistrationStatus, bool> AllMoves()
    {
        var legal = new HashSet<(RegistrationStatus, RegistrationStatus)>
        {
            (RegistrationStatus.Discovered, RegistrationStatus.TokenIssued),
            (RegistrationStatus.Discovered, RegistrationStatus.Failed),
            (RegistrationStatus.Discovered, RegistrationStatus.Skipped),
            (RegistrationStatus.TokenIssued, RegistrationStatus.Submitted),
            (RegistrationStatus.TokenIssued, RegistrationStatus.Failed),
            (RegistrationStatus.TokenIssued, RegistrationStatus.Skipped),
            (RegistrationStatus.Submitted, RegistrationStatus.Registered),
            (RegistrationStatus.Submitted, RegistrationStatus.Failed),
            (RegistrationStatus.Submitted, RegistrationStatus.Skipped),
            (RegistrationStatus.Failed, RegistrationStatus.Discovered),
            (RegistrationStatus.Failed, RegistrationStatus.TokenIssued),
            (RegistrationStatus.Failed, RegistrationStatus.Submitted),
            (RegistrationStatus.Failed, RegistrationStatus.Skipped),
            (RegistrationStatus.Skipped, RegistrationStatus.Discovered),
        };
        var data = new TheoryData<RegistrationStatus, RegistrationStatus, bool>();
        foreach (RegistrationStatus from in Enum.GetValues<RegistrationStatus>())
        {
            foreach (RegistrationStatus to in Enum.GetValues<RegistrationStatus>())
            {
                if (from != to)
                {
                    data.Add(from, to, legal.Contains((from, to)));
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllMoves))]
    public void Every_move_is_allowed_or_refused_as_the_state_machine_says(RegistrationStatus from, RegistrationStatus to, bool legal)
    {
        string key = DiscoverOne().Key;
        RegistrationRecord before = MoveTo(key, from);
        Assert.Equal(from, before.Status);
        var details = new TransitionDetails { Error = to == RegistrationStatus.Failed ? "step failed" : null, Reason = "test" };

        if (legal)
        {
            RegistrationRecord after = _workflow.Transition(key, to, details);
            Assert.Equal(to, after.Status);
            Assert.Equal(before.Version + 1, after.Version);
            Assert.Equal(new RegistrationTransition(from, to, _time.GetUtcNow(), "test", details.Error), after.History[^1]);
            Assert.Equal(after, _workflow.Get(key));
        }
        else
        {
            IllegalTransitionException ex = Assert.Throws<IllegalTransitionException>(() => _workflow.Transition(key, to, details));
            Assert.Equal((from, to), (ex.From, ex.To));
            Assert.Contains(from.ToText(), ex.Message, StringComparison.Ordinal);
            Assert.Equal(before, _workflow.Get(key));
        }
    }

    [Theory]
    [InlineData(RegistrationStatus.Discovered)]
    [InlineData(RegistrationStatus.TokenIssued)]
    [InlineData(RegistrationStatus.Submitted)]
    [InlineData(RegistrationStatus.Registered)]
    [InlineData(RegistrationStatus.Failed)]
    [InlineData(RegistrationStatus.Skipped)]
    public void Replaying_the_current_status_is_a_no_op(RegistrationStatus status)
    {
        string key = DiscoverOne().Key;
        RegistrationRecord before = MoveTo(key, status);
        _time.Advance(TimeSpan.FromSeconds(5));

        RegistrationRecord replayed = _workflow.Transition(key, status, new TransitionDetails { Error = "again" });

        Assert.Equal(before, replayed);
        Assert.Equal(before, _workflow.Get(key));
    }

    [Fact]
    public void Failed_keeps_the_error_and_can_be_retried_to_an_earlier_state()
    {
        string key = DiscoverOne().Key;
        MoveTo(key, RegistrationStatus.Submitted);

        RegistrationRecord failed = _workflow.MarkFailed(key, "omni rejected the machine");
        RegistrationRecord retried = _workflow.Transition(key, RegistrationStatus.TokenIssued, new TransitionDetails { Reason = "retry" });

        Assert.Equal("omni rejected the machine", failed.LastError);
        Assert.Equal(RegistrationStatus.TokenIssued, retried.Status);
        Assert.Equal("omni rejected the machine", retried.LastError);
        Assert.Equal(
            [RegistrationStatus.Discovered, RegistrationStatus.TokenIssued, RegistrationStatus.Submitted, RegistrationStatus.Failed, RegistrationStatus.TokenIssued],
            retried.History.Select(h => h.To));
        Assert.Throws<ArgumentException>(() => _workflow.Transition(key, RegistrationStatus.Failed));
    }

    [Fact]
    public void Token_expiry_is_stored_and_payload_secrets_are_redacted()
    {
        string key = DiscoverOne().Key;
        DateTimeOffset expires = _time.GetUtcNow().AddHours(1);

        _workflow.MarkTokenIssued(key, "tok-42", expires);
        RegistrationRecord submitted = _workflow.Transition(key, RegistrationStatus.Submitted, new TransitionDetails
        {
            PayloadJson = "{\"machine_id\": \"m-1\", \"join_token\": \"very-secret\"}",
        });

        RegistrationRecord stored = _workflow.Get(key)!;
        Assert.Equal("tok-42", stored.TokenId);
        Assert.Equal(expires, stored.TokenExpiresAt);
        Assert.Equal(submitted.Payload, stored.Payload);
        Assert.Contains("m-1", stored.Payload!, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret", stored.Payload!, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => _workflow.Transition(key, RegistrationStatus.Registered, new TransitionDetails { PayloadJson = "{not json" }));
    }

    [Fact]
    public void A_stale_expected_version_is_refused()
    {
        RegistrationRecord record = DiscoverOne();
        _workflow.Transition(record.Key, RegistrationStatus.TokenIssued, new TransitionDetails { ExpectedVersion = record.Version });

        RegistrationConflictException ex = Assert.Throws<RegistrationConflictException>(
            () => _workflow.Transition(record.Key, RegistrationStatus.Skipped, new TransitionDetails { ExpectedVersion = record.Version }));

        Assert.Equal(record.Key, ex.Key);
        Assert.Equal(RegistrationStatus.TokenIssued, _workflow.Get(record.Key)!.Status);
    }

    [Fact]
    public void Unknown_keys_are_reported()
    {
        Assert.Throws<RegistrationNotFoundException>(() => _workflow.Transition("vmreg-nope", RegistrationStatus.Skipped));
        Assert.Null(_workflow.Get("vmreg-nope"));
    }

    [Fact]
    public void A_claim_excludes_other_workers_until_its_lease_expires()
    {
        string key = DiscoverOne().Key;

        RegistrationRecord? a = _workflow.TryClaim(key, "worker-a");
        Assert.NotNull(a);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(2), a.LeaseExpiresAt);
        Assert.Null(_workflow.TryClaim(key, "worker-b"));
        Assert.Empty(_workflow.ClaimNext("worker-b"));
        Assert.Throws<RegistrationConflictException>(() => _workflow.MarkTokenIssued(key, "t", _time.GetUtcNow(), owner: "worker-b"));
        Assert.Empty(_workflow.ListStaleClaims());

        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal([key], _workflow.ListStaleClaims().Select(r => r.Key));
        RegistrationRecord? b = _workflow.TryClaim(key, "worker-b");
        Assert.Equal("worker-b", b?.LeaseOwner);
        Assert.Empty(_workflow.ListStaleClaims());
        Assert.Equal(RegistrationStatus.TokenIssued, _workflow.MarkTokenIssued(key, "t", _time.GetUtcNow(), owner: "worker-b").Status);
    }

    [Fact]
    public void Renew_release_and_terminal_moves_manage_the_lease()
    {
        string key = DiscoverOne().Key;
        _workflow.TryClaim(key, "w");
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(2), _workflow.RenewLease(key, "w").LeaseExpiresAt);
        Assert.Throws<RegistrationConflictException>(() => _workflow.RenewLease(key, "other"));
        Assert.False(_workflow.Release(key, "other"));
        Assert.True(_workflow.Release(key, "w"));
        Assert.Null(_workflow.Get(key)!.LeaseOwner);

        _workflow.TryClaim(key, "w");
        RegistrationRecord skipped = _workflow.MarkSkipped(key, "not wanted", owner: "w");
        Assert.Null(skipped.LeaseOwner);
        Assert.Equal("not wanted", skipped.History[^1].Reason);
    }

    [Fact]
    public void Registered_records_cannot_be_claimed_and_claim_next_picks_oldest_actionable_first()
    {
        string k1 = DiscoverOne("srv-1").Key;
        _time.Advance(TimeSpan.FromSeconds(1));
        string k2 = DiscoverOne("srv-2").Key;
        _time.Advance(TimeSpan.FromSeconds(1));
        string k3 = DiscoverOne("srv-3").Key;
        MoveTo(k1, RegistrationStatus.Registered);

        Assert.Null(_workflow.TryClaim(k1, "w"));
        Assert.Equal([k2, k3], _workflow.ClaimNext("w", 5).Select(r => r.Key));
        Assert.Empty(_workflow.ClaimNext("other", 5));
    }

    [Fact]
    public void Queries_by_status_and_cloudspace()
    {
        RegistrationRecord a = _workflow.Discover(RegistrationWorkflow.ListCandidates(Org, [Cloudspace("vcs-a", "s1")])[0]);
        RegistrationRecord b = _workflow.Discover(RegistrationWorkflow.ListCandidates(Org, [Cloudspace("vcs-b", "s2")])[0]);
        MoveTo(b.Key, RegistrationStatus.Failed);

        Assert.Equal([a.Key], _workflow.ListByStatus(RegistrationStatus.Discovered).Select(r => r.Key));
        Assert.Equal([b.Key], _workflow.ListByStatus(RegistrationStatus.Failed, RegistrationStatus.Skipped).Select(r => r.Key));
        Assert.Empty(_workflow.ListByStatus());
        Assert.Equal([b.Key], _workflow.ListByCloudspace("vcs-b").Select(r => r.Key));
        Assert.Empty(_workflow.ListByCloudspace("vcs-zzz"));
    }

    [Fact]
    public void Reconcile_adds_new_vms_skips_vanished_ones_and_revives_returning_ones()
    {
        ReconcileResult first = _workflow.Reconcile(Org, [Cloudspace("vcs-a", "s1", "s2", "s3")]);
        Assert.Equal(3, first.Added.Count);
        string s1 = first.Added[0].Key, s2 = first.Added[1].Key, s3 = first.Added[2].Key;
        MoveTo(s3, RegistrationStatus.Registered);

        ReconcileResult second = _workflow.Reconcile(Org, [Cloudspace("vcs-a", "s1", "s4")]);

        Assert.Equal(["s4"], second.Added.Select(r => r.VmUid));
        Assert.Equal([s2], second.Vanished.Select(r => r.Key));
        Assert.Equal(RegistrationStatus.Skipped, _workflow.Get(s2)!.Status);
        Assert.Equal(RegistrationWorkflow.VanishedReason, _workflow.Get(s2)!.History[^1].Reason);
        Assert.Equal([s3], second.VanishedRegistered.Select(r => r.Key));
        Assert.Equal(RegistrationStatus.Registered, _workflow.Get(s3)!.Status);
        Assert.Equal(1, second.Unchanged);
        Assert.Equal(RegistrationStatus.Discovered, _workflow.Get(s1)!.Status);

        ReconcileResult third = _workflow.Reconcile(Org, [Cloudspace("vcs-a", "s1", "s2", "s4")]);

        Assert.Empty(third.Added);
        Assert.Equal([s2], third.Reappeared.Select(r => r.Key));
        Assert.Equal(RegistrationStatus.Discovered, _workflow.Get(s2)!.Status);

        ReconcileResult replay = _workflow.Reconcile(Org, [Cloudspace("vcs-a", "s1", "s2", "s4")]);
        Assert.Empty(replay.Added);
        Assert.Empty(replay.Reappeared);
        Assert.Empty(replay.Vanished);
    }

    [Fact]
    public void Reconcile_leaves_other_orgs_and_clusters_alone()
    {
        _workflow.Reconcile("org-other", [Cloudspace("vcs-a", "s1")]);
        _workflow.Reconcile(Org, [Cloudspace("vcs-a", "s1")], omniCluster: "cluster-2");

        ReconcileResult result = _workflow.Reconcile(Org, []);

        Assert.Empty(result.Vanished);
        Assert.All(_workflow.List(), r => Assert.Equal(RegistrationStatus.Discovered, r.Status));
    }

    [Fact]
    public void Status_text_round_trips()
    {
        foreach (RegistrationStatus status in Enum.GetValues<RegistrationStatus>())
        {
            Assert.Equal(status, RegistrationStatusText.Parse(status.ToText()));
        }

        Assert.True(RegistrationStatusText.TryParse("token-issued", out RegistrationStatus parsed));
        Assert.Equal(RegistrationStatus.TokenIssued, parsed);
        Assert.False(RegistrationStatusText.TryParse("3", out _));
        Assert.False(RegistrationStatusText.TryParse("done", out _));
    }

    [Fact]
    public async Task A_failed_vm_is_claimed_again_only_after_its_backoff_and_retried_from_the_step_that_failed()
    {
        string key = DiscoverOne().Key;
        Assert.Single(await _workflow.ClaimDueAsync("w", 5));
        _workflow.MarkTokenIssued(key, "t", _time.GetUtcNow().AddHours(1), owner: "w");
        _workflow.MarkFailed(key, "omni: 503", owner: "w");
        Assert.True(_workflow.Release(key, "w"));

        Assert.Empty(await _workflow.ClaimDueAsync("w", 5));
        _time.Advance(_workflow.RetryPolicy.DelayAfter(key, 1) - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await _workflow.ClaimDueAsync("w", 5));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        RegistrationRecord due = Assert.Single(await _workflow.ClaimDueAsync("w", 5));

        RegistrationRecord retried = await _workflow.RetryAsync(due, "w");
        Assert.Equal(RegistrationStatus.TokenIssued, retried.Status);
        Assert.Equal(RegistrationWorkflow.RetryReason, retried.History[^1].Reason);
        Assert.Equal(1, RegistrationRetryPolicy.FailuresSinceDiscovered(retried));
    }

    [Fact]
    public async Task A_vm_that_used_up_its_attempts_is_skipped_and_a_fresh_set_follows_a_move_back_by_hand()
    {
        var workflow = new RegistrationWorkflow(_store, _time, TimeSpan.FromMinutes(2)) { RetryPolicy = new RegistrationRetryPolicy { MaxAttempts = 1 } };
        string key = DiscoverOne().Key;
        RegistrationRecord claimed = (await workflow.TryClaimAsync(key, "w"))!;
        RegistrationRecord failed = await workflow.MarkFailedAsync(key, "omni: 503", "w");

        RegistrationRecord skipped = await workflow.RetryAsync(failed, "w");

        Assert.Equal(RegistrationStatus.Skipped, skipped.Status);
        Assert.Equal("gave up after 1 failures", skipped.History[^1].Reason);
        RegistrationRecord back = await workflow.TransitionAsync(key, RegistrationStatus.Discovered, new TransitionDetails { Reason = "operator" });
        Assert.Equal(0, RegistrationRetryPolicy.FailuresSinceDiscovered(back));
        Assert.True(claimed.Version < back.Version);
    }
}
