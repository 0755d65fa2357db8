namespace Rsspot.Http;

/// <summary>
/// How the response cache handler behaves: the resolved <see cref="Configuration.CacheSettings"/> (the public cache
/// options, whose <see cref="Configuration.CacheSettings.Default"/> holds the defaults) plus who is asking.
/// </summary>
internal sealed record CacheOptions
{
    /// <summary>False turns the cache off.</summary>
    public bool Enabled { get; init; } = Configuration.CacheSettings.Default.Enabled;

    /// <summary>Most entries kept in memory and in the store.</summary>
    public int MaxEntries { get; init; } = Configuration.CacheSettings.Default.MaxEntries;

    /// <summary>Time to live for a GET of a path; zero or less means "do not cache".</summary>
    public Func<string, TimeSpan> TtlForPath { get; init; } = _ => Configuration.CacheSettings.Default.DefaultTtl;

    /// <summary>
    /// Who is asking (profile and token subject or org): part of every key, so two accounts sharing one
    /// state.db never see each other's answers.
    /// </summary>
    public Func<string> Identity { get; init; } = () => "anonymous";
}
