using Rsspot.Configuration;
using Rsspot.Http;

namespace Rsspot.Tests.Configuration;

/// <summary>
/// The retry and cache defaults live in the public settings types (<see cref="RetrySettings.Default"/>,
/// <see cref="CacheSettings.Default"/>) and the timeout in <see cref="EffectiveProfile.DefaultRequestTimeout"/>; the
/// handlers' internal options start from them rather than from numbers of their own.
/// </summary>
public sealed class OptionDefaultsTests
{
    [Fact]
    public void The_retry_handlers_defaults_are_the_public_retry_defaults()
    {
        var retry = new RetryOptions();

        Assert.Equal(RetrySettings.Default.MaxAttempts, retry.MaxAttempts);
        Assert.Equal(RetrySettings.Default.BaseDelay, retry.BaseDelay);
        Assert.Equal(RetrySettings.Default.MaxDelay, retry.MaxDelay);
        Assert.Equal(RetrySettings.Default.Jitter, retry.Jitter);
        Assert.Equal(RetrySettings.Default.RetryStatuses.Order(), retry.RetryStatuses.Order());
        Assert.Equal(EffectiveProfile.DefaultRequestTimeout, retry.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), EffectiveProfile.DefaultRequestTimeout);
    }

    [Fact]
    public void The_cache_handlers_defaults_are_the_public_cache_defaults()
    {
        var cache = new CacheOptions();

        Assert.Equal(CacheSettings.Default.Enabled, cache.Enabled);
        Assert.Equal(CacheSettings.Default.MaxEntries, cache.MaxEntries);
        Assert.Equal(CacheSettings.Default.DefaultTtl, cache.TtlForPath("/apis/ngpc.rxt.io/v1/anything"));
    }
}
