namespace Rsspot.Workflows;

/// <summary>A row of the registration ledger.</summary>
public sealed record RegistrationRecord
{
    /// <summary>The stable registration key.</summary>
    public required string Key { get; init; }

    /// <summary>The VM's unique id.</summary>
    public required string VmUid { get; init; }

    /// <summary>The organization id.</summary>
    public string? OrgId { get; init; }

    /// <summary>The VM cloudspace.</summary>
    public string? VmCloudspace { get; init; }

    /// <summary>The VM pool.</summary>
    public string? VmPool { get; init; }

    /// <summary>The VM's display name.</summary>
    public string? VmName { get; init; }

    /// <summary>The external cluster.</summary>
    public string? OmniCluster { get; init; }

    /// <summary>The current status.</summary>
    public required RegistrationStatus Status { get; init; }

    /// <summary>Incremented by every change; the compare-and-set token.</summary>
    public required long Version { get; init; }

    /// <summary>The id of the issued join token (never the token).</summary>
    public string? TokenId { get; init; }

    /// <summary>When the issued join token expires.</summary>
    public DateTimeOffset? TokenExpiresAt { get; init; }

    /// <summary>The last error recorded by a move to failed.</summary>
    public string? LastError { get; init; }

    /// <summary>Optional JSON payload (secret-named fields are redacted before storage).</summary>
    public string? Payload { get; init; }

    /// <summary>The worker holding the claim, if any.</summary>
    public string? LeaseOwner { get; init; }

    /// <summary>When the claim expires.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>When the record was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the record last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Every move, oldest first.</summary>
    public IReadOnlyList<RegistrationTransition> History { get; init; } = [];

    /// <summary>Value equality over every field, the history compared item by item.</summary>
    /// <param name="other">The record to compare with.</param>
    /// <returns><see langword="true"/> when all fields are equal.</returns>
    public bool Equals(RegistrationRecord? other)
    {
        return other is not null
            && Key == other.Key && VmUid == other.VmUid && OrgId == other.OrgId && VmCloudspace == other.VmCloudspace
            && VmPool == other.VmPool && VmName == other.VmName && OmniCluster == other.OmniCluster && Status == other.Status
            && Version == other.Version && TokenId == other.TokenId && TokenExpiresAt == other.TokenExpiresAt
            && LastError == other.LastError && Payload == other.Payload && LeaseOwner == other.LeaseOwner
            && LeaseExpiresAt == other.LeaseExpiresAt && CreatedAt == other.CreatedAt && UpdatedAt == other.UpdatedAt
            && History.SequenceEqual(other.History);
    }

    /// <summary>A hash of the identifying fields.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode()
    {
        return HashCode.Combine(Key, Status, Version, UpdatedAt);
    }

    /// <summary>Whether a worker holds an unexpired claim at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when claimed.</returns>
    public bool IsClaimed(DateTimeOffset now)
    {
        return LeaseOwner is not null && LeaseExpiresAt > now;
    }
}
