using Rsspot.Configuration;

namespace Rsspot.Tests.Configuration;

public sealed class ConfigResolutionTests : IDisposable
{
    private readonly ConfigTestHome _home = new();

    public void Dispose()
    {
        _home.Dispose();
    }

    private static string ProfileYaml(string org)
    {
        return $"profiles:\n  default:\n    org: {org}\n";
    }

    [Fact]
    public void Runtime_object_wins_over_every_file()
    {
        string explicitPath = _home.Write("explicit.yaml", ProfileYaml("from-explicit"));
        _home.Env["RSSPOT_CONFIG"] = _home.Write("env.yaml", ProfileYaml("from-env"));
        _home.WriteInHome(".config/rsspot/config.yaml", ProfileYaml("from-default"));
        var runtime = new RsspotConfig { Profiles = new Dictionary<string, ProfileConfig> { ["default"] = new() { Org = "from-runtime" } } };

        ResolvedConfig resolved = _home.Resolve(explicitPath, runtime);

        Assert.Equal(ConfigSourceKind.Runtime, resolved.Source.Kind);
        Assert.Equal("from-runtime", resolved.GetProfile().Org);
    }

    [Fact]
    public void Explicit_path_wins_over_environment_and_default_file()
    {
        string explicitPath = _home.Write("explicit.yaml", ProfileYaml("from-explicit"));
        _home.Env["RSSPOT_CONFIG"] = _home.Write("env.yaml", ProfileYaml("from-env"));
        _home.WriteInHome(".config/rsspot/config.yaml", ProfileYaml("from-default"));

        ResolvedConfig resolved = _home.Resolve(explicitPath);

        Assert.Equal(ConfigSourceKind.ExplicitPath, resolved.Source.Kind);
        Assert.Equal(explicitPath, resolved.Source.Path);
        Assert.Equal("from-explicit", resolved.GetProfile().Org);
    }

    [Theory]
    [InlineData("RSSPOT_CONFIG")]
    [InlineData("RSSPOT_CONFIG_FILE")]
    [InlineData("SPOT_CONFIG_FILE")]
    public void Environment_path_wins_over_default_file(string variable)
    {
        string envPath = _home.Write("env.yaml", ProfileYaml("from-env"));
        _home.Env[variable] = envPath;
        _home.WriteInHome(".config/rsspot/config.yaml", ProfileYaml("from-default"));

        ResolvedConfig resolved = _home.Resolve();

        Assert.Equal(ConfigSourceKind.EnvironmentPath, resolved.Source.Kind);
        Assert.Equal(variable, resolved.Source.EnvironmentVariable);
        Assert.Equal("from-env", resolved.GetProfile().Org);
    }

    [Fact]
    public void First_config_path_alias_wins()
    {
        _home.Env["SPOT_CONFIG_FILE"] = _home.Write("c.yaml", ProfileYaml("third"));
        _home.Env["RSSPOT_CONFIG_FILE"] = _home.Write("b.yaml", ProfileYaml("second"));
        _home.Env["RSSPOT_CONFIG"] = _home.Write("a.yaml", ProfileYaml("first"));

        Assert.Equal("first", _home.Resolve().GetProfile().Org);
    }

    [Theory]
    [InlineData("config.yml")]
    [InlineData("config.yaml")]
    [InlineData("config.toml")]
    [InlineData("config.json")]
    public void Default_file_is_found_in_each_format(string fileName)
    {
        string content = Path.GetExtension(fileName) switch
        {
            ".toml" => "[profiles.default]\norg = \"from-default\"\n",
            ".json" => "{\"profiles\": {\"default\": {\"org\": \"from-default\"}}}",
            _ => ProfileYaml("from-default"),
        };
        string path = _home.WriteInHome(".config/rsspot/" + fileName, content);

        ResolvedConfig resolved = _home.Resolve();

        Assert.Equal(ConfigSourceKind.DefaultPath, resolved.Source.Kind);
        Assert.Equal(path, resolved.Source.Path);
        Assert.Equal("from-default", resolved.GetProfile().Org);
    }

    [Fact]
    public void Default_file_wins_over_legacy_file_which_is_then_not_migrated()
    {
        _home.WriteInHome(".config/rsspot/config.json", "{\"profiles\": {\"default\": {\"org\": \"new\"}}}");
        _home.WriteInHome(".spot_config", "org: legacy\n");

        ResolvedConfig resolved = _home.Resolve();

        Assert.Equal("new", resolved.GetProfile().Org);
        Assert.False(File.Exists(Path.Combine(_home.ConfigDir, "config.yaml")));
    }

    [Fact]
    public void Without_any_config_the_defaults_apply()
    {
        ResolvedConfig resolved = _home.Resolve();
        EffectiveProfile profile = resolved.GetProfile();

        Assert.Equal(ConfigSourceKind.None, resolved.Source.Kind);
        Assert.Equal("default", profile.Name);
        Assert.Equal(SpotHosts.Api, profile.BaseUrl);
        Assert.Equal(SpotHosts.OAuth, profile.OAuthUrl);
        Assert.Equal(SpotHosts.PriceData, profile.PriceDataUrl);
        Assert.Equal(SpotHosts.PublicClientId, profile.ClientId);
        Assert.Equal(TimeSpan.FromSeconds(30), profile.RequestTimeout);
        Assert.True(profile.VerifySsl);
        Assert.Equal(RetrySettings.Default.MaxAttempts, profile.Retry.MaxAttempts);
        Assert.Equal(Path.Combine(_home.ConfigDir, "state.db"), profile.StatePath);
        Assert.Equal(Path.Combine(_home.ConfigDir, "config.yaml"), resolved.WritablePath);
    }

    [Fact]
    public void A_missing_explicit_file_is_reported_with_its_path()
    {
        string missing = Path.Combine(_home.Root, "nope.yaml");

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(missing));

        Assert.Equal(missing, ex.FilePath);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_environment_file_names_the_variable()
    {
        _home.Env["SPOT_CONFIG_FILE"] = Path.Combine(_home.Root, "gone.yaml");

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve());

        Assert.Contains("SPOT_CONFIG_FILE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_selection_follows_explicit_env_active_default_preferences()
    {
        string path = _home.Write("c.yaml", """
            active_profile: active
            default_profile: dflt
            preferences:
              default_profile: pref
            profiles:
              explicit: {org: o-explicit}
              env: {org: o-env}
              active: {org: o-active}
              dflt: {org: o-dflt}
              pref: {org: o-pref}
              default: {org: o-default}
            """);

        _home.Env["SPOT_PROFILE"] = "env";
        Assert.Equal("explicit", _home.Resolve(path).GetProfile("explicit").Name);
        Assert.Equal("env", _home.Resolve(path).GetProfile().Name);
        _home.Env["RSSPOT_PROFILE"] = "explicit";
        Assert.Equal("explicit", _home.Resolve(path).GetProfile().Name);
        _home.Env.Clear();
        Assert.Equal("active", _home.Resolve(path).GetProfile().Name);

        File.WriteAllText(path, "default_profile: dflt\npreferences: {default_profile: pref}\nprofiles: {dflt: {org: a}, pref: {org: b}, default: {org: c}}\n");
        Assert.Equal("dflt", _home.Resolve(path).GetProfile().Name);
        File.WriteAllText(path, "preferences: {default_profile: pref}\nprofiles: {pref: {org: b}, default: {org: c}}\n");
        Assert.Equal("pref", _home.Resolve(path).GetProfile().Name);
        File.WriteAllText(path, "profiles: {pref: {org: b}, default: {org: c}}\n");
        Assert.Equal("default", _home.Resolve(path).GetProfile().Name);
    }

    [Fact]
    public void An_unknown_profile_is_refused_with_the_known_ones_listed()
    {
        string path = _home.Write("c.yaml", "profiles: {prod: {org: a}, dev: {org: b}}\n");

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(path).GetProfile("staging"));

        Assert.Equal("profiles.staging", ex.Key);
        Assert.Equal(path, ex.FilePath);
        Assert.Contains("dev, prod", ex.Message, StringComparison.Ordinal);
        Assert.Contains("create profile 'staging' first", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void State_path_is_relative_to_the_config_directory_and_expands_home()
    {
        string path = _home.Write("cfgdir/c.yaml", "state_path: data/s.db\n");
        Assert.Equal(Path.Combine(_home.Root, "cfgdir", "data", "s.db"), _home.Resolve(path).StatePath);

        File.WriteAllText(path, "state_path: ~/elsewhere/s.db\n");
        Assert.Equal(Path.Combine(_home.Home, "elsewhere", "s.db"), _home.Resolve(path).StatePath);

        File.WriteAllText(path, "profiles: {}\n");
        Assert.Equal(Path.Combine(_home.Root, "cfgdir", "state.db"), _home.Resolve(path).StatePath);

        string explicitState = Path.Combine(_home.Root, "explicit.db");
        ResolvedConfig withExplicit = ConfigResolver.Resolve(new ConfigResolutionOptions
        {
            ConfigPath = path,
            StatePath = explicitState,
            HomeDirectory = _home.Home,
            Environment = ConfigEnvironment.Empty,
        });
        Assert.Equal(explicitState, withExplicit.StatePath);
    }
}
