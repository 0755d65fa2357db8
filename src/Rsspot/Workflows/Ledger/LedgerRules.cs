using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Workflows.Ledger;

/// <summary>
/// The decisions of the ledger, the same for every backend: what a claim, release, transition or reconcile makes
/// of a record at a given time. Backends only read, lock and compare-and-set rows.
/// </summary>
internal static class LedgerRules
{
    public static RegistrationRecord NewRecord(RegistrationCandidate candidate, DateTimeOffset now) => new()
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

    public static IReadOnlyCollection<RegistrationStatus> Claimable(IReadOnlyCollection<RegistrationStatus>? statuses) =>
        statuses is { Count: > 0 } ? statuses : [RegistrationStatus.Discovered, RegistrationStatus.TokenIssued, RegistrationStatus.Submitted];

    public static void CheckClaim(string owner, TimeSpan lease)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
    }

    /// <summary>The record claimed by <paramref name="owner"/>, or <see langword="null"/> when it is registered or someone else holds it.</summary>
    public static RegistrationRecord? Claim(RegistrationRecord record, string owner, DateTimeOffset now, TimeSpan lease)
    {
        if (RegistrationTransitions.IsTerminal(record.Status) || (record.IsClaimed(now) && record.LeaseOwner != owner))
        {
            return null;
        }

        return record with { LeaseOwner = owner, LeaseExpiresAt = now + lease, Version = record.Version + 1, UpdatedAt = now };
    }

    /// <summary>
    /// A fenced renewal: the record still carries <paramref name="owner"/>'s claim at <paramref name="expectedVersion"/>
    /// (expired or not: nobody else acted on it meanwhile), or <see langword="null"/>. Without a version it is a claim.
    /// </summary>
    public static RegistrationRecord? Renew(RegistrationRecord record, string owner, DateTimeOffset now, TimeSpan lease, long? expectedVersion)
    {
        if (expectedVersion is not long expected)
        {
            return Claim(record, owner, now, lease);
        }

        return record.Version != expected || record.LeaseOwner != owner || RegistrationTransitions.IsTerminal(record.Status)
            ? null
            : record with { LeaseExpiresAt = now + lease, Version = record.Version + 1, UpdatedAt = now };
    }

    public static RegistrationConflictException LeaseLost(string key, string owner) =>
        new(key, $"Registration '{key}' is no longer claimed by '{owner}' (its lease expired and another worker took it over, or it was released). Leave it to its current owner.");

    public static RegistrationConflictException ChangedMeanwhile(string key) =>
        new(key, $"Registration '{key}' changed while it was being updated. Re-read it and try again.");

    /// <summary>The record released by <paramref name="owner"/>, or <see langword="null"/> when <paramref name="owner"/> does not hold it.</summary>
    public static RegistrationRecord? Release(RegistrationRecord record, string owner, DateTimeOffset now) =>
        record.LeaseOwner != owner ? null : record with { LeaseOwner = null, LeaseExpiresAt = null, Version = record.Version + 1, UpdatedAt = now };

    /// <summary>Checks the arguments of a transition before any storage is touched.</summary>
    public static TransitionDetails CheckTransition(string key, RegistrationStatus to, TransitionDetails? details)
    {
        ArgumentNullException.ThrowIfNull(key);
        details ??= new TransitionDetails();
        if (to == RegistrationStatus.Failed && string.IsNullOrWhiteSpace(details.Error))
        {
            throw new ArgumentException("A move to failed needs the error (TransitionDetails.Error).", nameof(details));
        }

        return details.PayloadJson is null ? details : details with { PayloadJson = SanitizePayload(details.PayloadJson) };
    }

    /// <summary>
    /// The record after the move; the same instance for a same-status move (nothing to write).
    /// </summary>
    /// <exception cref="RegistrationConflictException">Wrong expected version, or another worker's live claim.</exception>
    /// <exception cref="IllegalTransitionException">The state machine forbids the move.</exception>
    public static RegistrationRecord Apply(RegistrationRecord record, RegistrationStatus to, TransitionDetails details, DateTimeOffset now)
    {
        if (details.ExpectedVersion is long expected && expected != record.Version)
        {
            throw new RegistrationConflictException(record.Key, $"Registration '{record.Key}' changed (version {record.Version}, expected {expected}). Re-read it and try again.");
        }

        // Fencing: a worker acts only on a record that still carries its claim, live or expired (an expired claim
        // nobody took over is still its own). A claim taken over or released refuses every move, a same-status one too.
        if (details.Owner is not null && record.LeaseOwner != details.Owner)
        {
            throw record.IsClaimed(now)
                ? new RegistrationConflictException(record.Key, $"Registration '{record.Key}' is claimed by worker '{record.LeaseOwner}' until {record.LeaseExpiresAt:O}; '{details.Owner}' cannot change it.")
                : LeaseLost(record.Key, details.Owner);
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
        return record with
        {
            Status = to,
            Version = record.Version + 1,
            UpdatedAt = now,
            LastError = to == RegistrationStatus.Failed ? details.Error : record.LastError,
            TokenId = details.TokenId ?? record.TokenId,
            TokenExpiresAt = details.TokenExpiresAt ?? record.TokenExpiresAt,
            Payload = details.PayloadJson ?? record.Payload,
            LeaseOwner = releases ? null : record.LeaseOwner,
            LeaseExpiresAt = releases ? null : record.LeaseExpiresAt,
            History = [.. record.History, new RegistrationTransition(record.Status, to, now, details.Reason, details.Error, details.Owner)],
        };
    }

    /// <summary>
    /// What a reconcile writes, given the current records of one org and cluster: inserts for new VMs, and
    /// compare-and-set updates for vanished and returned ones.
    /// </summary>
    public static ReconcilePlan PlanReconcile(IEnumerable<RegistrationRecord> existingRecords, IReadOnlyList<RegistrationCandidate> candidates, DateTimeOffset now)
    {
        Dictionary<string, RegistrationRecord> existing = existingRecords.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var current = new HashSet<string>(candidates.Select(x => x.Key), StringComparer.Ordinal);
        List<RegistrationRecord> added = [], reappeared = [], vanished = [], vanishedRegistered = [];
        int unchanged = 0;

        foreach (RegistrationCandidate candidate in candidates.DistinctBy(x => x.Key))
        {
            if (!existing.TryGetValue(candidate.Key, out RegistrationRecord? record))
            {
                added.Add(NewRecord(candidate, now));
            }
            else if (record.Status == RegistrationStatus.Skipped && record.History.LastOrDefault()?.Reason == RegistrationWorkflow.VanishedReason)
            {
                reappeared.Add(Apply(record, RegistrationStatus.Discovered, new TransitionDetails { Reason = "reappeared" }, now));
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
                    vanished.Add(Apply(record, RegistrationStatus.Skipped, new TransitionDetails { Reason = RegistrationWorkflow.VanishedReason }, now));
                    break;
            }
        }

        return new ReconcilePlan(new ReconcileResult(added, reappeared, vanished, vanishedRegistered, unchanged), added, [.. reappeared, .. vanished]);
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

        return SecretPolicy.RedactTree(node)?.ToJsonString() ?? "null";
    }
}
