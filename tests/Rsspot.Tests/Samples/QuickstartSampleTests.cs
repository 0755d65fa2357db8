using System.Diagnostics;
using Rsspot.Emulator;
using Rsspot.Pricing;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Samples;

/// <summary>
/// samples/Quickstart run as a child process with <c>--use-config</c>, against an emulator that stands in for the
/// user's account through a real config file: it asks before creating anything, picks the cheapest region and
/// leaves nothing behind.
/// </summary>
public sealed class QuickstartSampleTests : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-quickstart-test-").FullName;
    private EmulatorHost _emulator = null!;

    private string ConfigPath => Path.Combine(_home, "rsspot", "config.yaml");

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(new EmulatorOptions { ReadyAfter = TimeSpan.Zero });
        OneHostProfile.Save(ConfigPath, OneHostProfile.For(_emulator.BaseUrl, _emulator.OrganizationName, _emulator.RefreshToken));
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task With_a_real_account_and_no_terminal_it_says_what_it_would_create_and_creates_nothing_without_yes()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--use-config");

        Assert.Equal(2, exitCode);
        Assert.Contains("Plan: cloudspace quickstart-", stdout, StringComparison.Ordinal);
        Assert.Contains($"organization {_emulator.OrganizationName}", stdout, StringComparison.Ordinal);
        Assert.Contains("--yes", stderr, StringComparison.Ordinal);
        Assert.Contains("Nothing was created.", stdout, StringComparison.Ordinal);
        Assert.Empty(await CloudspaceNamesAsync());
    }

    [Fact]
    public async Task With_yes_it_uses_the_cheapest_region_says_it_deletes_the_kubeconfig_and_leaves_nothing()
    {
        var (exitCode, stdout, stderr) = await RunAsync("--use-config", "--yes");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        var region = System.Text.RegularExpressions.Regex.Match(stdout, @"^Plan: cloudspace \S+ in (\S+) \(organization", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
        Assert.Contains(region, await CheapestRegionsAsync());
        var written = stdout.Split('\n').Single(l => l.StartsWith("Kubeconfig written to ", StringComparison.Ordinal));
        var kubeconfig = written["Kubeconfig written to ".Length..written.IndexOf(" (", StringComparison.Ordinal)];
        Assert.Contains($"Deleted the kubeconfig {kubeconfig}", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(kubeconfig));
        Assert.Empty(await CloudspaceNamesAsync());
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    /// <summary>The regions with the cheapest available market price, worked out from the server classes directly.</summary>
    private async Task<IReadOnlyList<string?>> CheapestRegionsAsync()
    {
        using var client = Client();
        var available = (await client.ServerClasses.ListSummariesAsync())
            .Where(c => c.MarketPricePerHour is not null && Availabilities.IsAvailableLike(c.Availability)).ToList();
        var lowest = available.Min(c => c.MarketPricePerHour);
        return [.. available.Where(c => c.MarketPricePerHour == lowest).Select(c => c.Region)];
    }

    private async Task<IReadOnlyList<string?>> CloudspaceNamesAsync()
    {
        using var client = Client();
        return [.. (await client.Cloudspaces.ListAsync()).Select(c => c.Metadata?.Name)];
    }

    private SpotClient Client() => EmulatorClients.Create(_emulator, Path.Combine(_home, "test-state"), o => o with { NoCache = true });

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = _home;
        info.Environment["RSSPOT_CONFIG"] = ConfigPath;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string DllPath()
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(Support.RepositoryRoot.Find(), "samples", "Quickstart", "bin", baseDir.Parent!.Name, baseDir.Name, "Quickstart.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"{dll} not found; build tests/Rsspot.Tests (it builds the sample first).");
    }
}
