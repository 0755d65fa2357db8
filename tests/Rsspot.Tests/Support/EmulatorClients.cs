using Rsspot.Configuration;
using Rsspot.Emulator;

namespace Rsspot.Tests.Support;

/// <summary>SpotClients pointed at an emulator, isolated from the machine's config, env and state.</summary>
public static class EmulatorClients
{
    public static SpotClientOptions Options(EmulatorHost emulator, string stateDirectory) =>
        SpotClientOptions.Isolated(emulator.BaseUrl, emulator.RefreshToken, emulator.OrganizationName, stateDirectory) with
        {
            Retry = new RetrySettings(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50), 0.2, [429, 500, 502, 503, 504]),

            // Tests bid round numbers such as 0.08 whatever the class; the money tests use clients without this.
            MaxBid = 1m,
        };

    public static SpotClient Create(EmulatorHost emulator, string stateDirectory, Func<SpotClientOptions, SpotClientOptions>? adjust = null)
    {
        var options = Options(emulator, stateDirectory);
        return new SpotClient(adjust is null ? options : adjust(options));
    }
}

/// <summary>One emulator per test class, with a temp folder for state.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Emulator { get; private set; } = null!;

    public TempDirectory State { get; } = new();

    public async Task InitializeAsync() => Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { OrganizationPageSize = 2 });

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        State.Dispose();
    }

    public SpotClient Client(Func<SpotClientOptions, SpotClientOptions>? adjust = null) => EmulatorClients.Create(Emulator, State.Path, adjust);
}
