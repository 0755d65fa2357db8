using Microsoft.Data.Sqlite;

namespace Rsspot.Tests.State;

/// <summary>A temp directory for real state.db files, removed afterwards.</summary>
public sealed class TempStateDir : IDisposable
{
    public TempStateDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rsspot-state-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name)
    {
        return System.IO.Path.Combine(Path, name);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
