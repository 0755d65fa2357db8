namespace Rsspot.Configuration;

/// <summary>Where cached responses live.</summary>
public enum CacheBackend
{
    /// <summary>The <c>rsspot_http_cache</c> table of state.db (shared between processes; apart from the Python rsspot's <c>http_cache</c>).</summary>
    Sqlite,

    /// <summary>Process memory only.</summary>
    Memory,
}
