namespace Rsspot.Apply;

/// <summary>An on-demand pool of a <see cref="CloudspaceSpec"/>.</summary>
/// <param name="Key">The stable key that matches this pool to the pool that exists (see <see cref="SpotPoolSpec.Key"/>).</param>
/// <param name="ServerClass">Server class such as gp.vs1.large-dfw; fixed once created.</param>
public sealed record OnDemandPoolSpec(string Key, string ServerClass)
{
    /// <summary>Desired node count; null leaves it alone on an existing pool (1 on create).</summary>
    public int? Desired { get; init; }
}
