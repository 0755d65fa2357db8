using Rsspot.Configuration;

namespace Rsspot.Tests.Configuration;

/// <summary>Config edits are read-modify-write under the lock file: concurrent writers never lose a change.</summary>
public sealed class ConcurrentConfigWriteTests : IDisposable
{
    private readonly ConfigTestHome _home = new();

    public void Dispose()
    {
        _home.Dispose();
    }

    [Fact]
    public async Task Parallel_updates_keep_every_profile()
    {
        string path = Path.Combine(_home.Root, "config.yaml");
        using var start = new ManualResetEventSlim();
        Task[] writers = [.. Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            start.Wait();
            ConfigStore.Update(path, store => store.SaveProfile("p" + i, new ProfileConfig { Org = "org" + i }));
        }))];

        start.Set();
        await Task.WhenAll(writers);

        RsspotConfig config = ConfigStore.Open(path).ToConfig();
        Assert.Equal(Enumerable.Range(0, 16).Select(i => "p" + i).Order(StringComparer.Ordinal), config.Profiles.Keys.Order(StringComparer.Ordinal));
        Assert.All(Enumerable.Range(0, 16), i => Assert.Equal("org" + i, config.Profiles["p" + i].Org));
        Assert.True(File.Exists(path + ".lock"));
    }

    [Fact]
    public void An_edit_that_throws_writes_nothing_and_releases_the_lock()
    {
        string path = _home.Write("config.yaml", "profiles:\n  a:\n    org: x\n");

        Assert.Throws<InvalidOperationException>(() => ConfigStore.Update(path, store =>
        {
            store.SaveProfile("b", new ProfileConfig { Org = "y" });
            throw new InvalidOperationException("changed my mind");
        }));
        ConfigStore.Update(path, store => store.SaveProfile("c", new ProfileConfig { Org = "z" }));

        Assert.Equal(["a", "c"], ConfigStore.Open(path).ToConfig().Profiles.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_lock_file_that_is_a_directory_is_a_config_error_naming_it()
    {
        string path = Path.Combine(_home.Root, "config.yaml");
        Directory.CreateDirectory(path + ".lock");

        ConfigException ex = Assert.Throws<ConfigException>(() => ConfigStore.Update(path, store => store.SaveProfile("a", new ProfileConfig { Org = "x" })));

        Assert.Contains(path + ".lock", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
