using Microsoft.Kiota.Abstractions;

namespace Rsspot.Http;

/// <summary>
/// A Kiota request option that makes one generated-client call skip the response cache
/// (Kiota copies request options onto the HTTP request, where <see cref="CacheHandler"/> sees them).
/// </summary>
public sealed class BypassCacheOption : IRequestOption
{
    /// <summary>The shared instance.</summary>
    public static BypassCacheOption Instance { get; } = new();

    internal static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(BypassCacheOption).FullName!);
}
