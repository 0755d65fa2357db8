using Microsoft.Extensions.Time.Testing;
using Rsspot.Configuration;

namespace Rsspot.Tests.Configuration;

public sealed class LegacyMigrationTests : IDisposable
{
    private const string Legacy = "org: acme\nrefreshToken: rt-legacy\nregion: us-central-dfw-1\ncustomKey: kept\n";

    private readonly ConfigTestHome _home = new();

    public void Dispose()
    {
        _home.Dispose();
    }

    private string NewFile => Path.Combine(_home.ConfigDir, "config.yaml");

    [Fact]
    public void Resolving_with_only_a_legacy_file_migrates_it_to_config_yaml()
    {
        _home.WriteInHome(".spot_config", Legacy);

        ResolvedConfig resolved = _home.Resolve();

        Assert.Equal(ConfigSourceKind.MigratedLegacy, resolved.Source.Kind);
        Assert.Equal(NewFile, resolved.Source.Path);
        Assert.Equal(_home.LegacyFile, resolved.Source.LegacyPath);
        EffectiveProfile p = resolved.GetProfile();
        Assert.Equal("default", p.Name);
        Assert.Equal("acme", p.Org);
        Assert.Equal("rt-legacy", p.RefreshToken);

        string written = File.ReadAllText(NewFile);
        Assert.Contains("refresh_token: rt-legacy", written, StringComparison.Ordinal);
        Assert.Contains("customKey: kept", written, StringComparison.Ordinal);
    }

    [Fact]
    public void The_legacy_file_is_left_untouched()
    {
        _home.WriteInHome(".spot_config", Legacy);
        DateTime before = File.GetLastWriteTimeUtc(_home.LegacyFile);

        _home.Resolve();

        Assert.Equal(Legacy, File.ReadAllText(_home.LegacyFile));
        Assert.Equal(before, File.GetLastWriteTimeUtc(_home.LegacyFile));
    }

    [Fact]
    public void The_new_file_is_owner_only_and_no_temp_file_remains()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }

        _home.WriteInHome(".spot_config", Legacy);

        _home.Resolve();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(NewFile));
        Assert.Equal(["config.yaml"], Directory.GetFiles(_home.ConfigDir).Select(Path.GetFileName));
    }

    [Fact]
    public void Migrating_twice_changes_nothing()
    {
        _home.WriteInHome(".spot_config", Legacy);
        _home.Resolve();
        string first = File.ReadAllText(NewFile);
        DateTime firstWrite = File.GetLastWriteTimeUtc(NewFile);

        ResolvedConfig second = _home.Resolve();
        LegacyMigrationResult direct = LegacyConfigMigrator.Migrate(_home.LegacyFile, NewFile);

        Assert.Equal(ConfigSourceKind.DefaultPath, second.Source.Kind);
        Assert.False(direct.Written);
        Assert.Null(direct.BackupPath);
        Assert.Equal(first, File.ReadAllText(NewFile));
        Assert.Equal(firstWrite, File.GetLastWriteTimeUtc(NewFile));
        Assert.Single(Directory.GetFiles(_home.ConfigDir));
    }

    [Fact]
    public void A_different_existing_target_is_backed_up_before_it_is_replaced()
    {
        _home.WriteInHome(".spot_config", Legacy);
        string existing = "profiles: {other: {org: x}}\n";
        _home.WriteInHome(".config/rsspot/config.yaml", existing);
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));

        LegacyMigrationResult result = LegacyConfigMigrator.Migrate(_home.LegacyFile, NewFile, time);

        Assert.True(result.Written);
        Assert.Equal(NewFile + ".bak.20250304T050607Z", result.BackupPath);
        Assert.Equal(existing, File.ReadAllText(result.BackupPath!));
        Assert.Contains("rt-legacy", File.ReadAllText(NewFile), StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_legacy_file_is_reported_and_nothing_is_written()
    {
        _home.WriteInHome(".spot_config", "org: [unclosed\n");

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve());

        Assert.Equal(_home.LegacyFile, ex.FilePath);
        Assert.False(File.Exists(NewFile));
    }
}
