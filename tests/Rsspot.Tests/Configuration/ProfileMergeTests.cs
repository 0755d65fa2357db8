using Rsspot.Configuration;

namespace Rsspot.Tests.Configuration;

public sealed class ProfileMergeTests : IDisposable
{
    private readonly ConfigTestHome _home = new();

    public void Dispose()
    {
        _home.Dispose();
    }

    [Fact]
    public void Top_level_retry_and_cache_are_defaults_a_profile_overrides_field_by_field()
    {
        string path = _home.Write("c.yaml", """
            retry: {max_attempts: 5, base_delay: 0.3, max_delay: 4, jitter: 0.1}
            cache:
              default_ttl: 8
              max_entries: 50
              ttl_defaults: {"GET:/apis/ngpc.rxt.io/v1/regions": 60}
            profiles:
              a:
                retry: {max_delay: 9}
                cache:
                  enabled: false
                  ttl_defaults: {"GET:/apis/ngpc.rxt.io/v1/serverclasses": 30}
              b: {}
            """);
        ResolvedConfig resolved = _home.Resolve(path);

        EffectiveProfile a = resolved.GetProfile("a");
        EffectiveProfile b = resolved.GetProfile("b");

        Assert.Equal(5, a.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(0.3), a.Retry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(9), a.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(4), b.Retry.MaxDelay);
        Assert.Equal(0.1, a.Retry.Jitter);
        Assert.Equal(RetrySettings.Default.RetryStatuses, a.Retry.RetryStatuses);

        Assert.False(a.Cache.Enabled);
        Assert.True(b.Cache.Enabled);
        Assert.Equal(50, a.Cache.MaxEntries);
        Assert.Equal(TimeSpan.FromSeconds(60), a.Cache.TtlFor("GET", "/apis/ngpc.rxt.io/v1/regions"));
        Assert.Equal(TimeSpan.FromSeconds(30), a.Cache.TtlFor("GET", "/apis/ngpc.rxt.io/v1/serverclasses"));
        Assert.Equal(TimeSpan.FromSeconds(8), b.Cache.TtlFor("GET", "/apis/ngpc.rxt.io/v1/serverclasses"));
        Assert.Equal(TimeSpan.FromSeconds(10), b.Cache.TtlFor("GET", "/apis/auth.ngpc.rxt.io/v1/organizations"));
    }

    [Fact]
    public void Python_max_retries_means_attempts_minus_one_and_an_explicit_retry_block_wins()
    {
        string path = _home.Write("c.yaml", """
            retry: {max_attempts: 9}
            profiles:
              py: {max_retries: 2, retry_backoff_factor: 0.7}
              both: {max_retries: 2, retry: {max_attempts: 4}}
            """);
        ResolvedConfig resolved = _home.Resolve(path);

        Assert.Equal(3, resolved.GetProfile("py").Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(0.7), resolved.GetProfile("py").Retry.BaseDelay);
        Assert.Equal(4, resolved.GetProfile("both").Retry.MaxAttempts);
    }

    [Fact]
    public void Ttl_lookup_prefers_exact_then_longest_prefix_then_default()
    {
        var ttls = new Dictionary<string, TimeSpan>
        {
            ["GET:/apis/ngpc.rxt.io/v1/namespaces/*"] = TimeSpan.FromSeconds(5),
            ["GET:/apis/ngpc.rxt.io/v1/namespaces/org-1/*"] = TimeSpan.FromSeconds(11),
            ["GET:/apis/ngpc.rxt.io/v1/namespaces/org-1/cloudspaces"] = TimeSpan.FromSeconds(2),
        };
        var cache = new CacheSettings(true, TimeSpan.FromSeconds(1), 10, CacheBackend.Sqlite, ttls);

        Assert.Equal(TimeSpan.FromSeconds(2), cache.TtlFor("get", "/apis/ngpc.rxt.io/v1/namespaces/org-1/cloudspaces"));
        Assert.Equal(TimeSpan.FromSeconds(11), cache.TtlFor("GET", "/apis/ngpc.rxt.io/v1/namespaces/org-1/spotnodepools"));
        Assert.Equal(TimeSpan.FromSeconds(5), cache.TtlFor("GET", "/apis/ngpc.rxt.io/v1/namespaces/org-2/cloudspaces"));
        Assert.Equal(TimeSpan.FromSeconds(1), cache.TtlFor("GET", "/apis/ngpc.rxt.io/v1/regions"));
        Assert.Equal(TimeSpan.FromSeconds(1), cache.TtlFor("POST", "/apis/ngpc.rxt.io/v1/namespaces/org-1/cloudspaces"));
    }

    [Fact]
    public void Preferences_supply_org_and_region_and_a_per_profile_preference_beats_the_profile()
    {
        string path = _home.Write("c.yaml", """
            preferences:
              default_org: pref-org
              default_region: pref-region
              profile_orgs: {a: a-pref-org}
            profiles:
              a: {org: a-org, region: a-region}
              b: {}
            """);
        ResolvedConfig resolved = _home.Resolve(path);

        Assert.Equal("a-pref-org", resolved.GetProfile("a").Org);
        Assert.Equal("a-region", resolved.GetProfile("a").Region);
        Assert.Equal("pref-org", resolved.GetProfile("b").Org);
        Assert.Equal("pref-region", resolved.GetProfile("b").Region);
    }

    [Fact]
    public void The_profile_string_form_never_shows_tokens()
    {
        string path = _home.Write("c.yaml", "profiles: {default: {refresh_token: super-secret-rt, access_token: super-secret-at}}\n");

        string text = _home.Resolve(path).GetProfile().ToString();

        Assert.DoesNotContain("super-secret", text, StringComparison.Ordinal);
        Assert.Contains("refresh_token", text, StringComparison.Ordinal);
    }
}
