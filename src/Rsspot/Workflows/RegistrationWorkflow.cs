using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Rsspot.Security;
using Rsspot.State;

namespace Rsspot.Workflows;

/// <summary>
/// Idempotent VM registration bookkeeping over the <c>registration_ledger</c> of a <see cref="StateStore"/>, for
/// controllers that register Spot VMs with an external system (Sidero Omni or similar). Every change is one
/// <c>BEGIN IMMEDIATE</c> transaction with a compare-and-set on the row version, so several workers (threads or
/// processes) can share one state.db: claims are leases that expire when a worker dies.
/// </summary>
public sealed class RegistrationWorkflow
{
    private readonly StateStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the workflow.</summary>
    /// <param name="store">The state store holding the ledger.</param>
    /// <param name="timeProvider">The clock (leases, timestamps); the system clock when <see langword="null"/>.</param>
    /// <param name="leaseDuration">How long a claim lasts unless renewed; 5 minutes when <see langword="null"/>.</param>
    public RegistrationWorkflow(StateStore store, TimeProvider? timeProvider = null, TimeSpan? leaseDuration = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
        LeaseDuration = leaseDuration ?? TimeSpan.FromMinutes(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LeaseDuration, TimeSpan.Zero, nameof(leaseDuration));
    }

    /// <summary>How long a claim lasts unless renewed.</summary>
    public TimeSpan LeaseDuration { get; }

    /// <summary>
    /// One candidate per assigned server of each VM cloudspace: vm uid = serverName (or the map key), vm name =
    /// displayName (or serverName), pool = nodePoolName; the key is <see cref="RegistrationKey.Compute"/>.
    /// </summary>
    /// <param name="orgId">The organization id.</param>
    /// <param name="cloudspaces">The VM cloudspaces.</param>
    /// <param name="omniCluster">The external cluster the VMs join, if any.</param>
    /// <returns>The candidates, in input order.</returns>
    public static IReadOnlyList<RegistrationCandidate> ListCandidates(string orgId, IEnumerable<VmCloudspaceSnapshot> cloudspaces, string? omniCluster = null)
    {
        ArgumentNullException.ThrowIfNull(orgId);
        ArgumentNullException.ThrowIfNull(cloudspaces);
        var candidates = new List<RegistrationCandidate>();
        foreach (VmCloudspaceSnapshot cloudspace in cloudspaces)
        {
            foreach (AssignedVm vm in cloudspace.Servers)
            {
                string uid = string.IsNullOrEmpty(vm.ServerName) ? vm.Key : vm.ServerName;
                string name = !string.IsNullOrEmpty(vm.DisplayName) ? vm.DisplayName : uid;
                string? pool = string.IsNullOrEmpty(vm.NodePoolName) ? null : vm.NodePoolName;
                string key = RegistrationKey.Compute(uid, orgId, cloudspace.Name, pool, omniCluster);
                candidates.Add(new RegistrationCandidate(key, uid, orgId, cloudspace.Name, pool, name, omniCluster));
            }
        }

        return candidates;
    }

    /// <summary>Records a candidate as discovered; an existing record is returned unchanged (idempotent).</summary>
    /// <param name="candidate">The candidate.</param>
    /// <returns>The record.</returns>
    public RegistrationRecord Discover(RegistrationCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return _store.Write((c, t) => RegistrationLedger.Get(c, t, candidate.Key) ?? Insert(c, t, candidate, _time.GetUtcNow()));
    }

    /// <summary>The record with this key, or <see langword="null"/>.</summary>
    /// <param name="key">The registration key.</param>
    /// <returns>The record or <see langword="null"/>.</returns>
    public RegistrationRecord? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _store.Read(c => RegistrationLedger.Get(c, null, key));
    }

    /// <summary>All records, oldest first.</summary>
    /// <returns>The records.</returns>
    public IReadOnlyList<RegistrationRecord> List()
    {
        return _store.Read(c => RegistrationLedger.Query(c, null, "ORDER BY created_at, key"));
    }

    /// <summary>Records in any of the given statuses, oldest first.</summary>
    /// <param name="statuses">The statuses.</param>
    /// <returns>The records.</returns>
    public IReadOnlyList<RegistrationRecord> ListByStatus(params RegistrationStatus[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        if (statuses.Length == 0)
        {
            return [];
        }

        var parameters = statuses.Distinct().Select((status, i) => ($"$s{i}", (object?)status.ToText())).ToArray();
        var where = $"WHERE status IN ({string.Join(", ", parameters.Select(p => p.Item1))}) ORDER BY created_at, key";
        return _store.Read(c => RegistrationLedger.Query(c, null, where, parameters));
    }

    /// <summary>Records of one VM cloudspace, oldest first.</summary>
    /// <param name="vmCloudspace">The VM cloudspace name.</param>
    /// <returns>The records.</returns>
    public IReadOnlyList<RegistrationRecord> ListByCloudspace(string vmCloudspace)
    {
        ArgumentNullException.ThrowIfNull(vmCloudspace);
        return _store.Read(c => RegistrationLedger.Query(c, null, "WHERE vmcloudspace = $cs ORDER BY created_at, key", ("$cs", vmCloudspace)));
    }

    /// <summary>Records whose claim has expired without being released (their worker probably died).</summary>
    /// <returns>The records.</returns>
    public IReadOnlyList<RegistrationRecord> ListStaleClaims()
    {
        string now = StateTime.ToText(_time.GetUtcNow());
        return _store.Read(c => RegistrationLedger.Query(
            c,
            null,
            "WHERE lease_owner IS NOT NULL AND lease_expires_at <= $now ORDER BY lease_expires_at, key",
            ("$now", now)));
    }

    /// <summary>
    /// Claims one record for <paramref name="owner"/> for <see cref="LeaseDuration"/>, unless another worker holds
    /// a live claim or the record is registered. Claiming a record one already holds renews the lease.
    /// </summary>
    /// <param name="key">The registration key.</param>
    /// <param name="owner">A unique worker id.</param>
    /// <returns>The claimed record, or <see langword="null"/> when someone else holds it (or it is registered).</returns>
    /// <exception cref="RegistrationNotFoundException">No record has this key.</exception>
    public RegistrationRecord? TryClaim(string key, string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return _store.Write((c, t) =>
        {
            RegistrationRecord record = RegistrationLedger.Get(c, t, key) ?? throw new RegistrationNotFoundException(key);
            return Claim(c, t, record, owner);
        });
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> unclaimed records in the given statuses (discovered, token_issued and
    /// submitted by default), oldest first. Each record is claimed by exactly one worker.
    /// </summary>
    /// <param name="owner">A unique worker id.</param>
    /// <param name="max">At most this many.</param>
    /// <param name="statuses">Statuses to pick from; actionable ones when empty.</param>
    /// <returns>The records now claimed by <paramref name="owner"/>.</returns>
    public IReadOnlyList<RegistrationRecord> ClaimNext(string owner, int max = 1, params RegistrationStatus[] statuses)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        Func<RegistrationStatus, bool> wanted = statuses is { Length: > 0 } ? statuses.Contains : RegistrationTransitions.IsActionable;
        return _store.Write((c, t) =>
        {
            DateTimeOffset now = _time.GetUtcNow();
            var claimed = new List<RegistrationRecord>();
            List<RegistrationRecord> free = RegistrationLedger.Query(
                c,
                t,
                "WHERE lease_owner IS NULL OR lease_expires_at <= $now OR lease_owner = $owner ORDER BY created_at, key",
                ("$now", StateTime.ToText(now)),
                ("$owner", owner));
            foreach (RegistrationRecord record in free.Where(r => wanted(r.Status)))
            {
                if (claimed.Count == max)
                {
                    break;
                }

                if (Claim(c, t, record, owner) is { } mine)
                {
                    claimed.Add(mine);
                }
            }

            return claimed;
        });
    }

    /// <summary>Extends <paramref name="owner"/>'s claim by <see cref="LeaseDuration"/> from now.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="owner">The worker id.</param>
    /// <returns>The record.</returns>
    /// <exception cref="RegistrationConflictException">The claim was lost to another worker.</exception>
    public RegistrationRecord RenewLease(string key, string owner)
    {
        return TryClaim(key, owner) ?? throw new RegistrationConflictException(key, $"Registration '{key}' is claimed by another worker; its lease cannot be renewed by '{owner}'.");
    }

    /// <summary>Releases <paramref name="owner"/>'s claim.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="owner">The worker id.</param>
    /// <returns><see langword="false"/> when <paramref name="owner"/> did not hold the claim.</returns>
    public bool Release(string key, string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return _store.Write((c, t) =>
        {
            RegistrationRecord record = RegistrationLedger.Get(c, t, key) ?? throw new RegistrationNotFoundException(key);
            if (record.LeaseOwner != owner)
            {
                return false;
            }

            RegistrationRecord released = record with { LeaseOwner = null, LeaseExpiresAt = null, Version = record.Version + 1, UpdatedAt = _time.GetUtcNow() };
            return RegistrationLedger.CompareAndSet(c, t, released, record.Version);
        });
    }

    /// <summary>
    /// Moves a record to <paramref name="to"/>. Moving to the current status is a no-op that returns the record
    /// unchanged; an illegal move throws. Moving to registered or skipped releases the claim.
    /// </summary>
    /// <param name="key">The registration key.</param>
    /// <param name="to">The target status.</param>
    /// <param name="details">Reason, error, token id/expiry, payload, owner and expected version.</param>
    /// <returns>The record after the move.</returns>
    /// <exception cref="IllegalTransitionException">The state machine forbids the move.</exception>
    /// <exception cref="RegistrationConflictException">The expected version differs, or another worker holds a live claim.</exception>
    /// <exception cref="RegistrationNotFoundException">No record has this key.</exception>
    public RegistrationRecord Transition(string key, RegistrationStatus to, TransitionDetails? details = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        details ??= new TransitionDetails();
        if (to == RegistrationStatus.Failed && string.IsNullOrWhiteSpace(details.Error))
        {
            throw new ArgumentException("A move to failed needs the error (TransitionDetails.Error).", nameof(details));
        }

        string? payload = details.PayloadJson is null ? null : SanitizePayload(details.PayloadJson);
        return _store.Write((c, t) =>
        {
            RegistrationRecord record = RegistrationLedger.Get(c, t, key) ?? throw new RegistrationNotFoundException(key);
            return Apply(c, t, record, to, details, payload);
        });
    }

    /// <summary>Moves a record to token_issued, storing the token's id and expiry (never the token).</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="tokenId">The token id.</param>
    /// <param name="expiresAt">The token expiry.</param>
    /// <param name="owner">The worker, if claimed.</param>
    /// <returns>The record.</returns>
    public RegistrationRecord MarkTokenIssued(string key, string tokenId, DateTimeOffset expiresAt, string? owner = null)
    {
        return Transition(key, RegistrationStatus.TokenIssued, new TransitionDetails { TokenId = tokenId, TokenExpiresAt = expiresAt, Owner = owner });
    }

    /// <summary>Moves a record to failed, keeping <paramref name="error"/>.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="error">What went wrong (must not contain secrets).</param>
    /// <param name="owner">The worker, if claimed.</param>
    /// <returns>The record.</returns>
    public RegistrationRecord MarkFailed(string key, string error, string? owner = null)
    {
        return Transition(key, RegistrationStatus.Failed, new TransitionDetails { Error = error, Owner = owner });
    }

    /// <summary>Moves a record to skipped.</summary>
    /// <param name="key">The registration key.</param>
    /// <param name="reason">Why.</param>
    /// <param name="owner">The worker, if claimed.</param>
    /// <returns>The record.</returns>
    public RegistrationRecord MarkSkipped(string key, string reason, string? owner = null)
    {
        return Transition(key, RegistrationStatus.Skipped, new TransitionDetails { Reason = reason, Owner = owner });
    }

    /// <summary>
    /// Brings the ledger in line with the VMs that exist now, for one org and external cluster, in one transaction:
    /// new VMs are recorded as discovered; VMs that vanished are skipped with reason <c>vanished</c> (registered
    /// ones are reported, not changed); vanished VMs that came back return to discovered.
    /// </summary>
    /// <param name="orgId">The organization id.</param>
    /// <param name="cloudspaces">All current VM cloudspaces of the org.</param>
    /// <param name="omniCluster">The external cluster, if any.</param>
    /// <returns>What changed.</returns>
    public ReconcileResult Reconcile(string orgId, IEnumerable<VmCloudspaceSnapshot> cloudspaces, string? omniCluster = null)
    {
        IReadOnlyList<RegistrationCandidate> candidates = ListCandidates(orgId, cloudspaces, omniCluster);
        return _store.Write((c, t) =>
        {
            DateTimeOffset now = _time.GetUtcNow();
            Dictionary<string, RegistrationRecord> existing = RegistrationLedger
                .Query(c, t, "WHERE org_id = $org AND COALESCE(omni_cluster, '') = $cluster", ("$org", orgId), ("$cluster", omniCluster ?? string.Empty))
                .ToDictionary(r => r.Key, StringComparer.Ordinal);
            var current = new HashSet<string>(candidates.Select(x => x.Key), StringComparer.Ordinal);
            List<RegistrationRecord> added = [], reappeared = [], vanished = [], vanishedRegistered = [];
            int unchanged = 0;

            foreach (RegistrationCandidate candidate in candidates.DistinctBy(x => x.Key))
            {
                if (!existing.TryGetValue(candidate.Key, out RegistrationRecord? record))
                {
                    added.Add(Insert(c, t, candidate, now));
                }
                else if (record.Status == RegistrationStatus.Skipped && record.History.LastOrDefault()?.Reason == VanishedReason)
                {
                    reappeared.Add(Apply(c, t, record, RegistrationStatus.Discovered, new TransitionDetails { Reason = "reappeared" }, null));
                }
                else
                {
                    unchanged++;
                }
            }

            foreach (RegistrationRecord record in existing.Values.Where(r => !current.Contains(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                switch (record.Status)
                {
                    case RegistrationStatus.Registered:
                        vanishedRegistered.Add(record);
                        break;
                    case RegistrationStatus.Skipped:
                        unchanged++;
                        break;
                    default:
                        vanished.Add(Apply(c, t, record, RegistrationStatus.Skipped, new TransitionDetails { Reason = VanishedReason }, null));
                        break;
                }
            }

            return new ReconcileResult(added, reappeared, vanished, vanishedRegistered, unchanged);
        });
    }

    /// <summary>The reason recorded when reconcile skips a VM that no longer exists.</summary>
    public const string VanishedReason = "vanished";

    private RegistrationRecord Insert(SqliteConnection c, SqliteTransaction t, RegistrationCandidate candidate, DateTimeOffset now)
    {
        var record = new RegistrationRecord
        {
            Key = candidate.Key,
            VmUid = candidate.VmUid,
            OrgId = candidate.OrgId,
            VmCloudspace = candidate.VmCloudspace,
            VmPool = candidate.VmPool,
            VmName = candidate.VmName,
            OmniCluster = candidate.OmniCluster,
            Status = RegistrationStatus.Discovered,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            History = [new RegistrationTransition(null, RegistrationStatus.Discovered, now)],
        };
        RegistrationLedger.Insert(c, t, record);
        return record;
    }

    private RegistrationRecord? Claim(SqliteConnection c, SqliteTransaction t, RegistrationRecord record, string owner)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (RegistrationTransitions.IsTerminal(record.Status) || (record.IsClaimed(now) && record.LeaseOwner != owner))
        {
            return null;
        }

        RegistrationRecord claimed = record with { LeaseOwner = owner, LeaseExpiresAt = now + LeaseDuration, Version = record.Version + 1, UpdatedAt = now };
        return RegistrationLedger.CompareAndSet(c, t, claimed, record.Version) ? claimed : null;
    }

    private RegistrationRecord Apply(SqliteConnection c, SqliteTransaction t, RegistrationRecord record, RegistrationStatus to, TransitionDetails details, string? payload)
    {
        DateTimeOffset now = _time.GetUtcNow();
        if (details.ExpectedVersion is long expected && expected != record.Version)
        {
            throw new RegistrationConflictException(record.Key, $"Registration '{record.Key}' changed (version {record.Version}, expected {expected}). Re-read it and try again.");
        }

        if (details.Owner is not null && record.IsClaimed(now) && record.LeaseOwner != details.Owner)
        {
            throw new RegistrationConflictException(record.Key, $"Registration '{record.Key}' is claimed by worker '{record.LeaseOwner}' until {record.LeaseExpiresAt:O}; '{details.Owner}' cannot change it.");
        }

        if (record.Status == to)
        {
            return record;
        }

        if (!RegistrationTransitions.IsAllowed(record.Status, to))
        {
            throw new IllegalTransitionException(record.Key, record.Status, to);
        }

        bool releases = to is RegistrationStatus.Registered or RegistrationStatus.Skipped;
        RegistrationRecord updated = record with
        {
            Status = to,
            Version = record.Version + 1,
            UpdatedAt = now,
            LastError = to == RegistrationStatus.Failed ? details.Error : record.LastError,
            TokenId = details.TokenId ?? record.TokenId,
            TokenExpiresAt = details.TokenExpiresAt ?? record.TokenExpiresAt,
            Payload = payload ?? record.Payload,
            LeaseOwner = releases ? null : record.LeaseOwner,
            LeaseExpiresAt = releases ? null : record.LeaseExpiresAt,
            History = [.. record.History, new RegistrationTransition(record.Status, to, now, details.Reason, details.Error, details.Owner)],
        };

        if (!RegistrationLedger.CompareAndSet(c, t, updated, record.Version))
        {
            throw new RegistrationConflictException(record.Key, $"Registration '{record.Key}' changed while it was being updated. Re-read it and try again.");
        }

        return updated;
    }

    private static string SanitizePayload(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The payload must be valid JSON.", nameof(json), ex);
        }

        return SecretRedactor.RedactTree(node)?.ToJsonString() ?? "null";
    }
}
