namespace Rsspot.Workflows.Ledger;

/// <summary>
/// The write operations of <see cref="IRegistrationLedger"/> over any backend's <see cref="RegistrationLedgerSession"/>: each is
/// one transaction that locks what it reads, decides with <see cref="LedgerRules"/>, and compare-and-sets. Claims
/// never wait for a row another transaction holds (they skip it).
/// </summary>
internal sealed class LedgerOperations(Func<CancellationToken, Task<RegistrationLedgerSession>> begin)
{
    public async Task<IReadOnlyList<RegistrationRecord>> DiscoverAsync(IEnumerable<RegistrationCandidate> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        List<RegistrationCandidate> distinct = [.. candidates.DistinctBy(c => c.Key)];
        RegistrationLedgerSession session = await begin(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var records = new List<RegistrationRecord>(distinct.Count);
            foreach (RegistrationCandidate candidate in distinct)
            {
                RegistrationRecord? record = await session.LockAsync(candidate.Key, cancellationToken).ConfigureAwait(false);
                if (record is null)
                {
                    RegistrationRecord fresh = LedgerRules.NewRecord(candidate, session.Now);
                    record = await session.InsertAsync(fresh, cancellationToken).ConfigureAwait(false)
                        ? fresh
                        : await session.LockAsync(candidate.Key, cancellationToken).ConfigureAwait(false) ?? throw LedgerRules.ChangedMeanwhile(candidate.Key);
                }

                records.Add(record);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return records;
        }
    }

    public async Task<IReadOnlyList<RegistrationRecord>> ClaimNextAsync(string owner, int max, TimeSpan lease, IReadOnlyCollection<RegistrationStatus>? statuses, CancellationToken cancellationToken)
    {
        LedgerRules.CheckClaim(owner, lease);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        RegistrationLedgerSession session = await begin(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var claimed = new List<RegistrationRecord>();
            foreach (RegistrationRecord record in await session.LockClaimableAsync(owner, max, LedgerRules.Claimable(statuses), cancellationToken).ConfigureAwait(false))
            {
                if (claimed.Count < max
                    && LedgerRules.Claim(record, owner, session.Now, lease) is { } mine
                    && await session.CompareAndSetAsync(mine, record.Version, cancellationToken).ConfigureAwait(false))
                {
                    claimed.Add(mine);
                }
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return claimed;
        }
    }

    public async Task<RegistrationRecord?> TryClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        LedgerRules.CheckClaim(owner, lease);
        RegistrationLedgerSession session = await begin(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            RegistrationRecord? record = await session.TryLockAsync(key, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                // Held by another transaction (a claim in flight, or a stuck session): someone else has it for now.
                return await session.ExistsAsync(key, cancellationToken).ConfigureAwait(false) ? null : throw new RegistrationNotFoundException(key);
            }

            RegistrationRecord? mine = LedgerRules.Claim(record, owner, session.Now, lease);
            if (mine is null || !await session.CompareAndSetAsync(mine, record.Version, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return mine;
        }
    }

    public async Task<RegistrationRecord> RenewAsync(string key, string owner, TimeSpan lease, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        LedgerRules.CheckClaim(owner, lease);
        return await ChangeAsync(key, (record, now) => LedgerRules.Renew(record, owner, now, lease, expectedVersion), cancellationToken).ConfigureAwait(false)
            ?? throw LedgerRules.LeaseLost(key, owner);
    }

    public async Task<bool> ReleaseAsync(string key, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return await ChangeAsync(key, (record, now) => LedgerRules.Release(record, owner, now), cancellationToken).ConfigureAwait(false) is not null;
    }

    public async Task<RegistrationRecord> TransitionAsync(string key, RegistrationStatus to, TransitionDetails? details, CancellationToken cancellationToken)
    {
        TransitionDetails checkedDetails = LedgerRules.CheckTransition(key, to, details);
        RegistrationLedgerSession session = await begin(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            RegistrationRecord record = await session.LockAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new RegistrationNotFoundException(key);
            RegistrationRecord updated = LedgerRules.Apply(record, to, checkedDetails, session.Now);
            if (!ReferenceEquals(updated, record) && !await session.CompareAndSetAsync(updated, record.Version, cancellationToken).ConfigureAwait(false))
            {
                throw LedgerRules.ChangedMeanwhile(key);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return updated;
        }
    }

    public async Task<ReconcileResult> ReconcileAsync(string orgId, string? omniCluster, IReadOnlyList<RegistrationCandidate> candidates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(orgId);
        ArgumentNullException.ThrowIfNull(candidates);
        RegistrationLedgerSession session = await begin(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            IReadOnlyList<RegistrationRecord> existing = await session.LockClusterAsync(orgId, omniCluster, cancellationToken).ConfigureAwait(false);
            ReconcilePlan plan = LedgerRules.PlanReconcile(existing, candidates, session.Now);
            var inserted = new List<RegistrationRecord>(plan.Inserts.Count);
            foreach (RegistrationRecord record in plan.Inserts)
            {
                if (await session.InsertAsync(record, cancellationToken).ConfigureAwait(false))
                {
                    inserted.Add(record);
                }
            }

            // A record a worker moved since it was read keeps that move; the next reconcile sees it afresh.
            var updated = new HashSet<string>(StringComparer.Ordinal);
            foreach (RegistrationRecord record in plan.Updates)
            {
                if (await session.CompareAndSetAsync(record, record.Version - 1, cancellationToken).ConfigureAwait(false))
                {
                    updated.Add(record.Key);
                }
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return plan.Result with
            {
                Added = inserted,
                Reappeared = [.. plan.Result.Reappeared.Where(r => updated.Contains(r.Key))],
                Vanished = [.. plan.Result.Vanished.Where(r => updated.Contains(r.Key))],
            };
        }
    }

    /// <summary>Locks one record, asks <paramref name="decide"/> for its new form and writes it; <see langword="null"/> when there is nothing to write.</summary>
    private async Task<RegistrationRecord?> ChangeAsync(string key, Func<RegistrationRecord, DateTimeOffset, RegistrationRecord?> decide, CancellationToken cancellationToken)
    {
        RegistrationLedgerSession session = await begin(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            RegistrationRecord record = await session.LockAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new RegistrationNotFoundException(key);
            RegistrationRecord? changed = decide(record, session.Now);
            if (changed is null || !await session.CompareAndSetAsync(changed, record.Version, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return changed;
        }
    }
}
