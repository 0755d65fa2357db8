using Rsspot.Emulator;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>
/// Two Spot accounts, each its own emulator (its own organization and refresh token), as the profiles
/// <c>sandbox</c> (active) and <c>prod</c> of one config file in a temp HOME. The sandbox cloudspaces take 30 s to
/// become Ready, so waits report progress.
/// </summary>
public sealed class TwoAccountsFixture : IAsyncLifetime
{
    public EmulatorHost Sandbox { get; private set; } = null!;

    public EmulatorHost Prod { get; private set; } = null!;

    public string Home { get; } = Directory.CreateTempSubdirectory("rsspot-mcp-").FullName;

    public string ConfigPath => Path.Combine(Home, "rsspot", "config.yaml");

    public Dictionary<string, string> Environment => new()
    {
        ["HOME"] = Home,
        ["RSSPOT_CONFIG"] = ConfigPath,
        ["NO_COLOR"] = "1",
    };

    public async Task InitializeAsync()
    {
        Sandbox = await EmulatorHost.StartAsync(new EmulatorOptions { ReadyAfter = TimeSpan.FromSeconds(30), OrganizationName = "sandbox", RefreshToken = "sandbox-refresh-token-0123456789" });
        Prod = await EmulatorHost.StartAsync(new EmulatorOptions { ReadyAfter = TimeSpan.Zero, OrganizationName = "prod", RefreshToken = "prod-refresh-token-0123456789" });
        OneHostProfile.Save(ConfigPath, OneHostProfile.For(Sandbox.BaseUrl, Sandbox.OrganizationName, Sandbox.RefreshToken), store =>
        {
            store.SaveProfile("sandbox", OneHostProfile.For(Sandbox.BaseUrl, Sandbox.OrganizationName, Sandbox.RefreshToken));
            store.SaveProfile("prod", OneHostProfile.For(Prod.BaseUrl, Prod.OrganizationName, Prod.RefreshToken));
            store.SetActiveProfile("sandbox");
        });
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Prod.DisposeAsync();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold state.db briefly; the temp folder is cleaned by the OS eventually.
        }
    }

    /// <summary>Requests an emulator received to the Spot API (the token endpoint and price documents included).</summary>
    public static int ApiRequests(EmulatorHost emulator) => emulator.GetRequestLog().Count;
}
