using System.Diagnostics;

namespace Rsspot.Tests.Support;

/// <summary>
/// Packages packed from this repository's built projects (<c>--no-build</c>) into a folder feed, and a
/// <c>nuget.config</c> beside it whose only sources are that folder and the machine's NuGet cache, so restores are
/// offline. Projects created below <see cref="WorkDirectory"/> pick the config up by themselves.
/// </summary>
public sealed class LocalPackageFeed
{
    public LocalPackageFeed(string workDirectory)
    {
        WorkDirectory = workDirectory;
        Folder = Directory.CreateDirectory(Path.Combine(workDirectory, "feed")).FullName;
        ConfigPath = Path.Combine(workDirectory, "nuget.config");
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(ConfigPath, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{Folder}" />
                <add key="cache" value="{cache}" />
              </packageSources>
            </configuration>
            """);
    }

    public string WorkDirectory { get; }

    public string Folder { get; }

    public string ConfigPath { get; }

    /// <summary>Packs an already built project of the repository (path relative to its root) into the feed.</summary>
    public Task<string> PackAsync(string project, params string[] properties) =>
        DotnetAsync(RepositoryRoot.Find(), ["pack", project, "-c", "Release", "--no-build", "-o", Folder, .. properties]);

    /// <summary>Runs <c>dotnet</c> and fails the test unless it exits 0; returns stdout and stderr.</summary>
    public static async Task<string> DotnetAsync(string directory, params string[] args)
    {
        var result = await RunAsync("dotnet", directory, args);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', args)} failed:\n{result.Stdout}{result.Stderr}");
        return result.Stdout + result.Stderr;
    }

    /// <summary>Runs a program to its end (at most 15 minutes) with telemetry and logos off.</summary>
    public static async Task<ProcessOutput> RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(patience.Token);
        return new ProcessOutput(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>How a program ended and what it wrote.</summary>
public sealed record ProcessOutput(int ExitCode, string Stdout, string Stderr);
