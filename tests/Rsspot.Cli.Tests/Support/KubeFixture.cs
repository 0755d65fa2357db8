using System.Diagnostics;
using Rsspot.Emulator;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Support;

/// <summary>
/// An emulator whose kubeconfig tokens live 5 s, a temp HOME (so ~/.kube/config and the token cache are the test's
/// own) and a way to run the real kubectl with the same environment as rsspot, which it starts as its credential plugin.
/// </summary>
public sealed class KubeFixture : IAsyncLifetime
{
    public const int KubeTokenSeconds = 5;

    public EmulatorHost Emulator { get; private set; } = null!;

    public string Home { get; } = Directory.CreateTempSubdirectory("rsspot-kube-").FullName;

    public string ConfigPath => Path.Combine(Home, "rsspot", "config.yaml");

    /// <summary>The real kubectl on PATH, or null (the tests that need it are then skipped).</summary>
    public static string? Kubectl { get; } =
        (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "kubectl")).FirstOrDefault(File.Exists);

    public Dictionary<string, string> Environment => new()
    {
        ["HOME"] = Home,
        ["RSSPOT_CONFIG"] = ConfigPath,
        ["NO_COLOR"] = "1",
        ["RSSPOT_MAX_BID"] = "1",
    };

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ReadyAfter = TimeSpan.Zero, KubeTokenLifetime = TimeSpan.FromSeconds(KubeTokenSeconds) });
        OneHostProfile.Save(ConfigPath, OneHostProfile.For(Emulator.BaseUrl, Emulator.OrganizationName, Emulator.RefreshToken));
    }

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file briefly; the temp folder is cleaned by the OS eventually.
        }
    }

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Environment, null, args);

    public Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> extra, params string[] args) =>
        CliRunner.RunAsync(new Dictionary<string, string>(Environment).Concat(extra).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value), null, args);

    /// <summary>Runs kubectl with rsspot's environment (HOME, RSSPOT_CONFIG, PATH, DOTNET_ROOT) plus <paramref name="extra"/>.</summary>
    public async Task<CliResult> KubectlAsync(IReadOnlyDictionary<string, string>? extra, params string[] args)
    {
        var environment = new Dictionary<string, string>(Environment);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var start = CliRunner.StartInfo(environment);
        start.FileName = Kubectl!;
        start.ArgumentList.Clear();
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public Task<CliResult> KubectlAsync(params string[] args) => KubectlAsync(null, args);
}
