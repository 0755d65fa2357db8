using Rsspot.Configuration;

namespace Rsspot.Tests.Configuration;

public sealed class EnvironmentOverrideTests : IDisposable
{
    private readonly ConfigTestHome _home = new();

    public void Dispose()
    {
        _home.Dispose();
    }

    public static TheoryData<string, string, string> Aliases()
    {
        var data = new TheoryData<string, string, string>();
        void Add(IReadOnlyList<string> names, string field, string value)
        {
            foreach (string name in names)
            {
                data.Add(name, field, value);
            }
        }

        Add(EnvironmentVariables.Org, "org", "env-org");
        Add(EnvironmentVariables.OrgId, "org_id", "env-org-id");
        Add(EnvironmentVariables.Region, "region", "env-region");
        Add(EnvironmentVariables.RefreshToken, "refresh_token", "env-rt");
        Add(EnvironmentVariables.AccessToken, "access_token", "env-at");
        Add(EnvironmentVariables.ClientId, "client_id", "env-client");
        Add(EnvironmentVariables.BaseUrl, "base_url", "http://env-api.local");
        Add(EnvironmentVariables.OAuthUrl, "oauth_url", "http://env-auth.local");
        Add(EnvironmentVariables.PriceDataUrl, "price_data_url", "http://env-prices.local");
        Add(EnvironmentVariables.RequestTimeoutSeconds, "request_timeout_seconds", "9");
        Add(EnvironmentVariables.MaxRetries, "max_retries", "7");
        Add(EnvironmentVariables.RetryBackoffFactor, "retry_backoff_factor", "1.5");
        Add(EnvironmentVariables.VerifySsl, "verify_ssl", "false");
        return data;
    }

    private static string Field(EffectiveProfile p, string field)
    {
        return field switch
        {
            "org" => p.Org!,
            "org_id" => p.OrgId!,
            "region" => p.Region!,
            "refresh_token" => p.RefreshToken!,
            "access_token" => p.AccessToken!,
            "client_id" => p.ClientId,
            "base_url" => p.BaseUrl,
            "oauth_url" => p.OAuthUrl,
            "price_data_url" => p.PriceDataUrl,
            "request_timeout_seconds" => p.RequestTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "max_retries" => (p.Retry.MaxAttempts - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "retry_backoff_factor" => p.Retry.BaseDelay.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "verify_ssl" => p.VerifySsl ? "true" : "false",
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    [Theory]
    [MemberData(nameof(Aliases))]
    public void Every_alias_overrides_the_file(string variable, string field, string value)
    {
        string path = _home.Write("c.yaml", """
            profiles:
              default:
                org: file-org
                org_id: file-org-id
                region: file-region
                refresh_token: file-rt
                access_token: file-at
                client_id: file-client
                base_url: http://file-api.local
                oauth_url: http://file-auth.local
                price_data_url: http://file-prices.local
                request_timeout_seconds: 30
                max_retries: 1
                retry_backoff_factor: 0.1
                verify_ssl: true
            """);
        string before = Field(_home.Resolve(path).GetProfile(), field);
        _home.Env[variable] = value;

        string after = Field(_home.Resolve(path).GetProfile(), field);

        Assert.NotEqual(value, before);
        Assert.Equal(value, after);
    }

    [Fact]
    public void The_first_alias_that_is_set_wins_and_empty_values_are_ignored()
    {
        _home.Env["SPOT_ORG"] = "third";
        _home.Env["RACKSPACE_ORG"] = "second";
        _home.Env["RSSPOT_ORG"] = string.Empty;

        Assert.Equal("second", _home.Resolve().GetProfile().Org);
    }

    [Theory]
    [InlineData("RSSPOT_REQUEST_TIMEOUT_SECONDS", "abc")]
    [InlineData("RSSPOT_REQUEST_TIMEOUT_SECONDS", "-1")]
    [InlineData("RSSPOT_MAX_RETRIES", "2.5")]
    [InlineData("RSSPOT_RETRY_BACKOFF_FACTOR", "fast")]
    [InlineData("RSSPOT_VERIFY_SSL", "maybe")]
    [InlineData("RSSPOT_BASE_URL", "not a url")]
    public void A_bad_environment_value_names_the_variable(string variable, string value)
    {
        _home.Env[variable] = value;

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve().GetProfile());

        Assert.Equal(variable, ex.Key);
        Assert.Contains(variable, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_tokens_work_without_any_config_file()
    {
        _home.Env["SPOT_REFRESH_TOKEN"] = "rt-env";

        EffectiveProfile p = _home.Resolve().GetProfile();

        Assert.Equal("rt-env", p.RefreshToken);
    }

    [Fact]
    public void An_environment_selected_profile_must_exist()
    {
        string path = _home.Write("c.yaml", "profiles: {prod: {org: a}}\n");
        _home.Env["RSSPOT_PROFILE"] = "typo";

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(path).GetProfile());

        Assert.Contains("RSSPOT_PROFILE", ex.Message, StringComparison.Ordinal);
    }
}
