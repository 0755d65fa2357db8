using Microsoft.Kiota.Abstractions;
using Rsspot.Http;

namespace Rsspot.Services;

/// <summary>The request configuration of a plain GET that must (or may not) be answered from the response cache.</summary>
internal static class CacheBypass
{
    private static readonly Action<RequestConfiguration<DefaultQueryParameters>> Bypass = c => c.Options.Add(BypassCacheOption.Instance);

    /// <summary>Past the cache when <paramref name="bypassCache"/> (a wait, a read before a write); else none, so the cache may answer.</summary>
    public static Action<RequestConfiguration<DefaultQueryParameters>>? When(bool bypassCache) => bypassCache ? Bypass : null;
}
