using Rsspot.Configuration;
using Rsspot.Tests.Http;

namespace Rsspot.Tests.Configuration;

/// <summary>base_url, oauth_url and price_data_url must be http or https, checked before any request is sent.</summary>
public sealed class UrlSchemeTests(HostileServerFixture fixture) : IClassFixture<HostileServerFixture>, IDisposable
{
    public static TheoryData<string, string> BadUrls()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in new[] { "base_url", "oauth_url", "price_data_url" })
        {
            foreach (var url in new[] { "ftp://spot.example.com", "file:///etc/passwd", "gopher://x", "ws://spot.example.com" })
            {
                data.Add(key, url);
            }
        }

        return data;
    }

    public void Dispose() => fixture.Server.Reset();

    [Theory]
    [MemberData(nameof(BadUrls))]
    public void A_config_file_with_a_non_http_url_is_a_config_error_naming_the_key_and_file(string key, string url)
    {
        using var home = new ConfigTestHome();
        var path = home.Write("config.yaml", $"""
            profiles:
              default:
                refresh_token: "{fixture.Server.Emulator.RefreshToken}"
                {key}: "{url}"
            """);

        var error = Assert.Throws<ConfigException>(() => new SpotClient(new SpotClientOptions
        {
            ConfigPath = path,
            HomeDirectory = home.Home,
            Environment = new Dictionary<string, string>(),
            OAuthUrl = key == "oauth_url" ? null : fixture.Server.BaseUrl,
        }));

        Assert.Equal($"profiles.default.{key}", error.Key);
        Assert.Equal(path, error.FilePath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("http or https", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Server.TokenRequests);
    }

    [Theory]
    [InlineData("RSSPOT_BASE_URL")]
    [InlineData("SPOT_AUTH_URL")]
    [InlineData("RSSPOT_PRICE_DATA_URL")]
    public void An_environment_variable_with_a_non_http_url_is_a_config_error(string variable)
    {
        var error = Assert.Throws<ConfigException>(() => new SpotClient(fixture.Options() with
        {
            BaseUrl = null,
            OAuthUrl = null,
            PriceDataUrl = null,
            Environment = new Dictionary<string, string> { [variable] = "ftp://spot.example.com" },
        }));

        Assert.Equal(variable, error.Key);
    }

    [Theory]
    [InlineData("ftp://spot.example.com")]
    [InlineData("file:///tmp/x")]
    public async Task A_non_http_url_given_in_the_options_fails_before_any_request(string url)
    {
        var error = Assert.Throws<ConfigException>(() => new SpotClient(fixture.Options() with { BaseUrl = url }));

        Assert.Equal("base_url", error.Key);
        await Task.Yield();
        Assert.Equal(0, fixture.Server.TokenRequests);
    }

    [Theory]
    [MemberData(nameof(BadUrls))]
    public void Saving_a_profile_with_a_non_http_url_is_refused_and_nothing_is_written(string key, string url)
    {
        using var home = new ConfigTestHome();
        var path = Path.Combine(home.ConfigDir, "config.yaml");
        var store = ConfigStore.Open(path);
        var update = key switch
        {
            "base_url" => new ProfileConfig { BaseUrl = url },
            "oauth_url" => new ProfileConfig { OAuthUrl = url },
            _ => new ProfileConfig { PriceDataUrl = url },
        };

        var error = Assert.Throws<ConfigException>(() => store.SaveProfile("prod", update));

        Assert.Equal($"profiles.prod.{key}", error.Key);
        Assert.False(File.Exists(path));
    }
}
