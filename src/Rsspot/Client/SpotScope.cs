namespace Rsspot;

/// <summary>
/// Scoped overrides of profile, organization and region for the shared clients (<see cref="SpotClient.Current"/>).
/// They flow across <c>await</c> (AsyncLocal) and end when the returned object is disposed.
/// </summary>
/// <example><code>
/// using (SpotScope.UseProfile("prod"))
/// {
///     var regions = await SpotClient.Current.Regions.ListAsync();
/// }
/// </code></example>
public static class SpotScope
{
    private static readonly AsyncLocal<ScopeValues?> Values = new();

    /// <summary>The profile of the current scope, if one is set.</summary>
    public static string? Profile => Values.Value?.Profile;

    /// <summary>The organization of the current scope, if one is set.</summary>
    public static string? Org => Values.Value?.Org;

    /// <summary>The region of the current scope, if one is set.</summary>
    public static string? Region => Values.Value?.Region;

    /// <summary>Uses <paramref name="profile"/> until the result is disposed.</summary>
    public static IDisposable UseProfile(string profile) => Push(v => v with { Profile = profile });

    /// <summary>Uses organization <paramref name="org"/> (name or id) until the result is disposed.</summary>
    public static IDisposable UseOrg(string org) => Push(v => v with { Org = org });

    /// <summary>Uses <paramref name="region"/> until the result is disposed.</summary>
    public static IDisposable UseRegion(string region) => Push(v => v with { Region = region });

    private static Restore Push(Func<ScopeValues, ScopeValues> change)
    {
        var previous = Values.Value;
        Values.Value = change(previous ?? new ScopeValues(null, null, null));
        return new Restore(previous);
    }

    private sealed record ScopeValues(string? Profile, string? Org, string? Region);

    private sealed class Restore(ScopeValues? previous) : IDisposable
    {
        public void Dispose() => Values.Value = previous;
    }
}
