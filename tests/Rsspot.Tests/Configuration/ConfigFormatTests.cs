using Rsspot.Configuration;

namespace Rsspot.Tests.Configuration;

public sealed class ConfigFormatTests : IDisposable
{
    private const string Yaml = """
        version: 1
        active_profile: prod
        retry:
          max_attempts: 6
          retry_statuses: [429, 503]
        cache:
          default_ttl: 7
          backend: memory
        profiles:
          prod:
            org: acme
            org_id: org-123
            region: us-east-iad-1
            refresh_token: rt-prod
            base_url: http://127.0.0.1:5000
            request_timeout_seconds: 12.5
            verify_ssl: false
        """;

    private const string Json = """
        {
          "version": 1,
          "active_profile": "prod",
          "retry": {"max_attempts": 6, "retry_statuses": [429, 503]},
          "cache": {"default_ttl": 7, "backend": "memory"},
          "profiles": {
            "prod": {"org": "acme", "org_id": "org-123", "region": "us-east-iad-1", "refresh_token": "rt-prod",
                     "base_url": "http://127.0.0.1:5000", "request_timeout_seconds": 12.5, "verify_ssl": false}
          }
        }
        """;

    private const string Toml = """
        version = 1
        active_profile = "prod"

        [retry]
        max_attempts = 6
        retry_statuses = [429, 503]

        [cache]
        default_ttl = 7
        backend = "memory"

        [profiles.prod]
        org = "acme"
        org_id = "org-123"
        region = "us-east-iad-1"
        refresh_token = "rt-prod"
        base_url = "http://127.0.0.1:5000"
        request_timeout_seconds = 12.5
        verify_ssl = false
        """;

    private readonly ConfigTestHome _home = new();

    public void Dispose()
    {
        _home.Dispose();
    }

    public static TheoryData<string, string> Files => new()
    {
        { "c.yaml", Yaml },
        { "c.json", Json },
        { "c.toml", Toml },
        { "noext-yaml", Yaml },
        { "noext-json", Json },
        { "noext-toml", Toml },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_format_reads_to_the_same_profile(string fileName, string content)
    {
        EffectiveProfile p = _home.Resolve(_home.Write(fileName, content)).GetProfile();

        Assert.Equal("prod", p.Name);
        Assert.Equal("acme", p.Org);
        Assert.Equal("org-123", p.OrgId);
        Assert.Equal("us-east-iad-1", p.Region);
        Assert.Equal("rt-prod", p.RefreshToken);
        Assert.Equal("http://127.0.0.1:5000", p.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(12.5), p.RequestTimeout);
        Assert.False(p.VerifySsl);
        Assert.Equal(6, p.Retry.MaxAttempts);
        Assert.Equal([429, 503], p.Retry.RetryStatuses);
        Assert.Equal(TimeSpan.FromSeconds(7), p.Cache.DefaultTtl);
        Assert.Equal(CacheBackend.Memory, p.Cache.Backend);
    }

    [Theory]
    [InlineData("{\"a\": 1}", ConfigFormat.Json)]
    [InlineData("# comment\n[profiles.x]\norg = \"a\"\n", ConfigFormat.Toml)]
    [InlineData("version = 1\n", ConfigFormat.Toml)]
    [InlineData("version: 1\nprofiles:\n  x: {org: a}\n", ConfigFormat.Yaml)]
    [InlineData("org: acme\nrefreshToken: abc\n", ConfigFormat.Yaml)]
    public void Extension_less_content_is_detected(string content, ConfigFormat expected)
    {
        Assert.Equal(expected, ConfigFormatDetector.FromContent(content));
    }

    [Fact]
    public void CamelCase_aliases_are_accepted()
    {
        string path = _home.Write("c.yaml", """
            activeProfile: p
            statePath: s.db
            profiles:
              p:
                org: acme
                orgId: org-1
                clientId: my-client
                refreshToken: rt
                accessToken: at
                baseUrl: http://api.local
                oauthUrl: http://auth.local
                priceDataUrl: http://prices.local
                requestTimeoutSeconds: 3
                verifySsl: false
                maxRetries: 2
                retryBackoffFactor: 0.5
            """);

        ResolvedConfig resolved = _home.Resolve(path);
        EffectiveProfile p = resolved.GetProfile();

        Assert.Equal("p", p.Name);
        Assert.Equal("org-1", p.OrgId);
        Assert.Equal("my-client", p.ClientId);
        Assert.Equal("rt", p.RefreshToken);
        Assert.Equal("at", p.AccessToken);
        Assert.Equal("http://api.local", p.BaseUrl);
        Assert.Equal("http://auth.local", p.OAuthUrl);
        Assert.Equal("http://prices.local", p.PriceDataUrl);
        Assert.Equal(TimeSpan.FromSeconds(3), p.RequestTimeout);
        Assert.False(p.VerifySsl);
        Assert.Equal(3, p.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(0.5), p.Retry.BaseDelay);
        Assert.Equal(Path.Combine(_home.Root, "s.db"), resolved.StatePath);
    }

    [Theory]
    [InlineData("org: acme\nrefreshToken: rt-legacy\nregion: uk-lon-1\n")]
    [InlineData("{\"org\": \"acme\", \"refreshToken\": \"rt-legacy\", \"region\": \"uk-lon-1\"}")]
    [InlineData("org = \"acme\"\nrefreshToken = \"rt-legacy\"\nregion = \"uk-lon-1\"\n")]
    public void A_legacy_flat_file_becomes_profile_default(string content)
    {
        EffectiveProfile p = _home.Resolve(_home.Write("spot_config", content)).GetProfile();

        Assert.Equal("default", p.Name);
        Assert.Equal("acme", p.Org);
        Assert.Equal("rt-legacy", p.RefreshToken);
        Assert.Equal("uk-lon-1", p.Region);
    }

    [Fact]
    public void An_empty_file_is_an_empty_config()
    {
        ResolvedConfig resolved = _home.Resolve(_home.Write("c.yaml", "\n"));

        Assert.Empty(resolved.ProfileNames);
        Assert.Equal(SpotHosts.Api, resolved.GetProfile().BaseUrl);
    }

    [Fact]
    public void Yaml_yes_is_a_string_but_verify_ssl_accepts_yes_and_no()
    {
        EffectiveProfile p = _home.Resolve(_home.Write("c.yaml", "profiles:\n  default:\n    verify_ssl: no\n    org: yes\n")).GetProfile();

        Assert.False(p.VerifySsl);
        Assert.Equal("yes", p.Org);
    }
}
