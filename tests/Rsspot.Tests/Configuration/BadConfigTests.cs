using Rsspot.Configuration;

namespace Rsspot.Tests.Configuration;

public sealed class BadConfigTests : IDisposable
{
    private readonly ConfigTestHome _home = new();

    public void Dispose()
    {
        _home.Dispose();
    }

    [Theory]
    [InlineData("c.yaml", "profiles:\n  prod: [unclosed\n  refresh_token: eyJsecret-token-value\n")]
    [InlineData("c.json", "{\"profiles\": {\"prod\": {\"refresh_token\": \"eyJsecret-token-value\",}")]
    [InlineData("c.toml", "[profiles.prod]\nrefresh_token = \"eyJsecret-token-value\nbroken = = \n")]
    public void An_unparsable_file_names_the_file_and_never_echoes_its_content(string fileName, string content)
    {
        string path = _home.Write(fileName, content);

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJsecret", ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("profiles:\n  prod:\n    verify_ssl: maybe\n", "profiles.prod.verify_ssl", "true or false")]
    [InlineData("profiles:\n  prod:\n    request_timeout_seconds: soon\n", "profiles.prod.request_timeout_seconds", "a number")]
    [InlineData("profiles:\n  prod:\n    request_timeout_seconds: 0\n", "profiles.prod.request_timeout_seconds", "at least")]
    [InlineData("retry:\n  max_attempts: 0\n", "retry.max_attempts", "at least 1")]
    [InlineData("retry:\n  retry_statuses: [429, nope]\n", "retry.retry_statuses", "status codes")]
    [InlineData("cache:\n  backend: redis\n", "cache.backend", "sqlite")]
    [InlineData("profiles:\n  prod:\n    base_url: not a url\n", "profiles.prod.base_url", "absolute URL")]
    [InlineData("profiles:\n  prod:\n    cache: 5\n", "profiles.prod.cache", "a mapping")]
    [InlineData("profiles: [a, b]\n", "profiles", "a mapping")]
    [InlineData("preferences:\n  profile_orgs:\n    prod: [x]\n", "preferences.profile_orgs.prod", "a text value")]
    public void A_wrong_type_names_file_key_and_fix(string content, string key, string expected)
    {
        string path = _home.Write("c.yaml", content);

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Equal(key, ex.Key);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'" + key + "'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_with_the_wrong_type_is_not_echoed()
    {
        string path = _home.Write("c.json", "{\"profiles\": {\"p\": {\"refresh_token\": true}}}");

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(path));

        Assert.Equal("profiles.p.refresh_token", ex.Key);
        Assert.DoesNotContain("'true'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c.yaml", "version: 1\nbad: a: b\nok: 1\n")]
    [InlineData("c.json", "{\n\"version\": 1,\n\"profiles\": }\n")]
    [InlineData("c.toml", "version = 1\nprofiles = = 2\n")]
    public void The_message_points_at_the_broken_line(string fileName, string content)
    {
        string path = _home.Write(fileName, content);

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(path));

        Assert.Matches(@"near line [23]\)", ex.Message);
    }

    [Fact]
    public void A_top_level_list_is_refused()
    {
        string path = _home.Write("c.yaml", "- a\n- b\n");

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(path));

        Assert.Contains("top level", ex.Message, StringComparison.Ordinal);
    }
}
