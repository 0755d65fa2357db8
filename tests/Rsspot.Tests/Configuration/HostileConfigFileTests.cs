using System.Text;
using Rsspot.Configuration;

namespace Rsspot.Tests.Configuration;

/// <summary>
/// Config files that try to exhaust memory or stack, or are not files at all: each is refused with a
/// ConfigException naming the file (exit 3 in the CLI), and the same goes for the legacy file and the
/// extension-less format detection.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HostileConfigFileTests : IDisposable
{
    private readonly ConfigTestHome _home = new();

    public void Dispose()
    {
        _home.Dispose();
    }

    public static TheoryData<string, string, string> Bombs => new()
    {
        { "bomb.yaml", AliasBomb(), "more than 100000 values" },
        { "deep.yaml", new string('[', 100_000) + new string(']', 100_000), "deeper than 64 levels" },
        { "deep-block.yaml", DeepBlockYaml(200), "deeper than 64 levels" },
        { "deep.json", new string('[', 100_000) + new string(']', 100_000), "deeper than 64 levels" },
        { "deep-object.json", Repeat("{\"a\":", 100_000) + "1" + new string('}', 100_000), "deeper than 64 levels" },
        { "deep.toml", "a = " + new string('[', 100_000) + new string(']', 100_000), "deeper than 64 levels" },
        { "deep-inline.toml", "a = " + Repeat("{b = ", 100_000) + "1" + new string('}', 100_000), "deeper than 64 levels" },
        { "deep-dotted.toml", string.Join('.', Enumerable.Repeat("k", 100_000)) + " = 1", "deeper than 64 levels" },
        { "bomb-noext", AliasBomb(), "more than 100000 values" },
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public void Alias_bombs_and_deep_nesting_are_refused_with_the_reason(string fileName, string content, string reason)
    {
        string path = _home.Write(fileName, content);

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(path));

        Assert.Equal(path, ex.FilePath);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Contains("Fix", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_being_parsed()
    {
        string path = _home.Write("big.yaml", "profiles: {}\n# " + new string('x', 2 * 1024 * 1024) + "\n");

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(path));

        Assert.Contains("larger than 1 MiB", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dev_zero_is_refused_as_not_a_regular_file()
    {
        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve("/dev/zero"));

        Assert.Contains("not a regular file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_is_refused_without_blocking_on_it()
    {
        string fifo = Path.Combine(_home.Root, "config.yaml");
        MakeFifo(fifo);

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(fifo));

        Assert.Contains("not a regular file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_named_as_the_config_file_is_called_a_directory()
    {
        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(_home.Home));

        Assert.Contains("is a directory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_file_that_is_a_fifo_is_refused_and_nothing_is_migrated()
    {
        MakeFifo(_home.LegacyFile);

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve());

        Assert.Contains("not a regular file", ex.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_home.ConfigDir) && Directory.EnumerateFiles(_home.ConfigDir).Any());
    }

    [Theory]
    [InlineData("dup.toml", "[profiles.a]\norg = \"x\"\norg = \"y\"\n")]
    [InlineData("dup-tables.toml", "[profiles.a]\norg = \"x\"\n[profiles.a]\nregion = \"y\"\n")]
    [InlineData("dup.json", "{\"profiles\": {\"a\": {\"org\": \"x\", \"org\": \"y\"}}}")]
    [InlineData("dup.yaml", "profiles:\n  a:\n    org: x\n    org: y\n")]
    public void A_key_given_twice_is_refused_in_every_format(string fileName, string content)
    {
        string path = _home.Write(fileName, content);

        ConfigException ex = Assert.Throws<ConfigException>(() => _home.Resolve(path));

        Assert.Contains("twice", ex.Message, StringComparison.Ordinal);
        Assert.Equal(path, ex.FilePath);
    }

    [Fact]
    public void A_store_edit_of_a_hostile_file_is_refused_and_the_file_is_untouched()
    {
        string content = AliasBomb();
        string path = _home.Write("bomb.yaml", content);

        Assert.Throws<ConfigException>(() => ConfigStore.Update(path, s => s.SaveProfile("p", new ProfileConfig { Org = "x" })));

        Assert.Equal(content, File.ReadAllText(path));
    }

    internal static string AliasBomb()
    {
        var text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        string previous = "a";
        for (int level = 1; level <= 9; level++)
        {
            string name = "l" + level;
            text.Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
            previous = name;
        }

        return text.ToString();
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private static string DeepBlockYaml(int depth)
    {
        var text = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            text.Append(' ', i * 2).Append('k').Append(i).Append(":\n");
        }

        return text.Append(' ', depth * 2).Append("v\n").ToString();
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
