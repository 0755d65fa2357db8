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
    private static readonly AsyncLocal<Frame?> Current = new();

    /// <summary>The profile of the current scope, if one is set.</summary>
    public static string? Profile => Current.Value?.Values.Profile;

    /// <summary>The organization of the current scope, if one is set.</summary>
    public static string? Org => Current.Value?.Values.Org;

    /// <summary>The region of the current scope, if one is set.</summary>
    public static string? Region => Current.Value?.Values.Region;

    /// <summary>Uses <paramref name="profile"/> until the result is disposed.</summary>
    public static IDisposable UseProfile(string profile) => Push(v => v with { Profile = profile });

    /// <summary>Uses organization <paramref name="org"/> (name or id) until the result is disposed.</summary>
    public static IDisposable UseOrg(string org) => Push(v => v with { Org = org });

    /// <summary>Uses <paramref name="region"/> until the result is disposed.</summary>
    public static IDisposable UseRegion(string region) => Push(v => v with { Region = region });

    private static Frame Push(Func<ScopeValues, ScopeValues> change)
    {
        var outer = Current.Value;
        var frame = new Frame(change(outer?.Values ?? new ScopeValues(null, null, null)), outer);
        Current.Value = frame;
        return frame;
    }

    private sealed record ScopeValues(string? Profile, string? Org, string? Region);

    /// <summary>
    /// One scope. Disposing it twice does nothing; disposing an outer scope before an inner one leaves the inner
    /// one active, and the inner one's end then restores the nearest scope still open.
    /// </summary>
    private sealed class Frame(ScopeValues values, Frame? outer) : IDisposable
    {
        private int _ended;

        public ScopeValues Values { get; } = values;

        private bool Ended => Volatile.Read(ref _ended) != 0;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) != 0 || !ReferenceEquals(SpotScope.Current.Value, this))
            {
                return;
            }

            var open = outer;
            while (open is { Ended: true })
            {
                open = open.Outer;
            }

            SpotScope.Current.Value = open;
        }

        private Frame? Outer => outer;
    }
}
