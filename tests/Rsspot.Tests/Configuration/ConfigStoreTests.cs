using System.Text.Json.Nodes;
using Rsspot.Configuration;
using Rsspot.Security;

namespace Rsspot.Tests.Configuration;

public sealed class ConfigStoreTests : IDisposable
{
    private readonly ConfigTestHome _home = new();

    public void Dispose()
    {
        _home.Dispose();
    }

    public static TheoryData<string, string, string> FilesWithUnknownKeys => new()
    {
        { "c.yaml", "x_custom: {nested: [1, 2]}\nprofiles:\n  prod:\n    org: acme\n    refreshToken: old-rt\n    team_note: keep me\n", "keep me" },
        { "c.json", "{\"x_custom\": {\"nested\": [1, 2]}, \"profiles\": {\"prod\": {\"org\": \"acme\", \"refreshToken\": \"old-rt\", \"team_note\": \"keep me\"}}}", "keep me" },
        { "c.toml", "[x_custom]\nnested = [1, 2]\n\n[profiles.prod]\norg = \"acme\"\nrefreshToken = \"old-rt\"\nteam_note = \"keep me\"\n", "keep me" },
    };

    [Theory]
    [MemberData(nameof(FilesWithUnknownKeys))]
    public void Saving_a_profile_keeps_unknown_keys_and_the_existing_spelling(string fileName, string content, string note)
    {
        string path = _home.Write(fileName, content);

        ConfigStore store = ConfigStore.Open(path);
        store.SaveProfile("prod", new ProfileConfig { RefreshToken = "new-rt", Region = "uk-lon-1" });
        store.SaveProfile("dev", new ProfileConfig { Org = "dev-org", VerifySsl = false, RequestTimeoutSeconds = 5 });
        store.Save();

        ConfigFile reread = ConfigFile.Load(path);
        JsonObject prod = reread.Document["profiles"]!["prod"]!.AsObject();
        Assert.Equal(note, (string?)prod["team_note"]);
        Assert.Equal("new-rt", (string?)prod["refreshToken"]);
        Assert.False(prod.ContainsKey("refresh_token"));
        Assert.Equal("[1,2]", reread.Document["x_custom"]!["nested"]!.ToJsonString());

        ResolvedConfig resolved = _home.Resolve(path);
        Assert.Equal("acme", resolved.GetProfile("prod").Org);
        Assert.Equal("uk-lon-1", resolved.GetProfile("prod").Region);
        Assert.Equal("new-rt", resolved.GetProfile("prod").RefreshToken);
        Assert.False(resolved.GetProfile("dev").VerifySsl);
        Assert.Equal(TimeSpan.FromSeconds(5), resolved.GetProfile("dev").RequestTimeout);
    }

    [Fact]
    public void Saving_creates_a_new_owner_only_file_atomically()
    {
        string path = Path.Combine(_home.ConfigDir, "config.yaml");

        ConfigStore store = ConfigStore.Open(path);
        store.SaveProfile("default", new ProfileConfig { RefreshToken = "rt", Org = "acme" });
        store.Save();

        Assert.Equal("rt", _home.Resolve().GetProfile().RefreshToken);
        Assert.Single(Directory.GetFiles(_home.ConfigDir));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [InlineData("profiles:\n  prod: [unclosed\n")]
    [InlineData("profiles:\n  prod:\n    verify_ssl: maybe\n")]
    public void A_bad_existing_file_is_never_overwritten(string content)
    {
        string path = _home.Write("c.yaml", content);

        Assert.Throws<ConfigException>(() => ConfigStore.Open(path));

        Assert.Equal(content, File.ReadAllText(path));
    }

    [Fact]
    public void Use_default_org_region_and_delete_edit_preferences()
    {
        string path = _home.Write("c.yaml", "profiles:\n  a: {org: a-org}\n  b: {org: b-org}\n");
        ConfigStore store = ConfigStore.Open(path);

        store.SetActiveProfile("b");
        store.SetDefaultProfile("a");
        store.SetDefaultOrg("global-org");
        store.SetDefaultRegion("uk-lon-1", profile: "b");
        store.Save();

        ResolvedConfig resolved = _home.Resolve(path);
        Assert.Equal("b", resolved.GetProfile().Name);
        Assert.Equal("uk-lon-1", resolved.GetProfile().Region);
        Assert.Equal("a", resolved.Config.DefaultProfile);
        Assert.Equal("global-org", resolved.Config.Preferences.DefaultOrg);

        store = ConfigStore.Open(path);
        Assert.True(store.DeleteProfile("b"));
        Assert.False(store.DeleteProfile("b"));
        store.Save();

        resolved = _home.Resolve(path);
        Assert.Null(resolved.Config.ActiveProfile);
        Assert.Empty(resolved.Config.Preferences.ProfileRegions);
        Assert.Equal("a", resolved.GetProfile().Name);
    }

    [Fact]
    public void Using_an_unknown_profile_is_refused()
    {
        string path = _home.Write("c.yaml", "profiles: {a: {org: x}}\n");

        ConfigException ex = Assert.Throws<ConfigException>(() => ConfigStore.Open(path).SetActiveProfile("zzz"));

        Assert.Contains("zzz", ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.FilePath);
    }

    [Fact]
    public void A_legacy_flat_file_opened_for_editing_is_converted_not_mangled()
    {
        string path = _home.Write("legacy.yaml", "org: acme\nrefreshToken: rt\n");

        ConfigStore store = ConfigStore.Open(path);
        store.SaveProfile("prod", new ProfileConfig { Org = "p" });
        store.Save();

        ResolvedConfig resolved = _home.Resolve(path);
        Assert.Equal("acme", resolved.GetProfile("default").Org);
        Assert.Equal("rt", resolved.GetProfile("default").RefreshToken);
        Assert.Equal("p", resolved.GetProfile("prod").Org);
    }

    [Fact]
    public void The_printable_document_has_every_secret_redacted()
    {
        string path = _home.Write("c.yaml", "profiles:\n  p:\n    org: acme\n    refresh_token: rt-secret\n    accessToken: at-secret\n    oauth_url: http://auth.local\n");

        string printed = ConfigStore.Open(path).ToRedactedDocument().ToJsonString();

        Assert.DoesNotContain("rt-secret", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("at-secret", printed, StringComparison.Ordinal);
        Assert.Contains(SecretPolicy.Mask, printed, StringComparison.Ordinal);
        Assert.Contains("acme", printed, StringComparison.Ordinal);
        Assert.Contains("http://auth.local", printed, StringComparison.Ordinal);
    }
}
