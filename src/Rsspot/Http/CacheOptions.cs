namespace Rsspot.Http;

/// <summary>How the response cache behaves (from the profile's <c>cache</c> settings).</summary>
public sealed record CacheOptions
{
    /// <summary>False turns the cache off.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Most entries kept in memory and in the store.</summary>
    public int MaxEntries { get; init; } = 1000;

    /// <summary>Time to live for a GET of a path; zero or less means "do not cache".</summary>
    public Func<string, TimeSpan> TtlForPath { get; init; } = _ => TimeSpan.FromSeconds(5);

    /// <summary>
    /// Who is asking (profile and token subject or org): part of every key, so two accounts sharing one
    /// state.db never see each other's answers.
    /// </summary>
    public Func<string> Identity { get; init; } = () => "anonymous";
}
