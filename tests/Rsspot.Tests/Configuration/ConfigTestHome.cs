using Rsspot.Configuration;

namespace Rsspot.Tests.Configuration;

/// <summary>A throw-away home directory plus an injected environment, so config tests never see the real ones.</summary>
public sealed class ConfigTestHome : IDisposable
{
    public ConfigTestHome()
    {
        Root = Path.Combine(Path.GetTempPath(), "rsspot-cfg-" + Guid.NewGuid().ToString("N"));
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);
    }

    public string Root { get; }

    public string Home { get; }

    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);

    public string ConfigDir => Path.Combine(Home, ".config", "rsspot");

    public string LegacyFile => Path.Combine(Home, ".spot_config");

    public string Write(string relativePath, string content)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string WriteInHome(string relativePath, string content)
    {
        return Write(Path.Combine("home", relativePath), content);
    }

    public ResolvedConfig Resolve(string? explicitPath = null, RsspotConfig? runtime = null)
    {
        return ConfigResolver.Resolve(new ConfigResolutionOptions
        {
            ConfigPath = explicitPath,
            RuntimeConfig = runtime,
            HomeDirectory = Home,
            Environment = ConfigEnvironment.FromDictionary(Env),
        });
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
