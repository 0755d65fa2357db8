using Rsspot;
using Rsspot.Emulator;

namespace RegistrationController;

/// <summary>A <see cref="SpotClient"/> for the chosen API, and the in-process emulator behind it if there is one.</summary>
internal sealed class SpotConnection : IAsyncDisposable
{
    private readonly EmulatorHost? _emulator;

    private SpotConnection(SpotClient client, EmulatorHost? emulator, string description)
    {
        Client = client;
        _emulator = emulator;
        Description = description;
    }

    public SpotClient Client { get; }

    /// <summary>Where the client points, for the first output line (never a secret).</summary>
    public string Description { get; }

    public static async Task<SpotConnection> OpenAsync(ControllerOptions options, CancellationToken cancellationToken)
    {
        switch (options.Mode)
        {
            case ApiMode.InProcessEmulator:
                var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { DataFile = options.EmulatorDataFile }, cancellationToken).ConfigureAwait(false);
                return new SpotConnection(new SpotClient(EmulatorClient(options, emulator.BaseUrl, emulator.RefreshToken, emulator.OrganizationName)), emulator, $"in-process emulator {emulator.BaseUrl}");
            case ApiMode.RunningEmulator:
                var url = options.EmulatorUrl!;
                var client = new SpotClient(EmulatorClient(options, url, options.RefreshToken ?? EmulatorOptions.DefaultRefreshToken, options.Org ?? EmulatorOptions.DefaultOrganizationName));
                return new SpotConnection(client, null, $"emulator {url}");
            default:
                var account = new SpotClient(new SpotClientOptions
                {
                    ConfigPath = options.ConfigPath,
                    Profile = options.Profile,
                    BaseUrl = options.BaseUrl,
                    OAuthUrl = options.OAuthUrl,
                    RefreshToken = options.RefreshToken,
                    Org = options.Org,
                    StatePath = options.StatePath,
                    NoCache = true,
                });
                return new SpotConnection(account, null, $"account {account.Profile.BaseUrl} (profile {account.Profile.Name})");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Options for an emulator, isolated from the machine's rsspot config and environment. The cache is off: a
    /// controller wants the VM list as it is now, not as it was a few seconds ago.
    /// </summary>
    private static SpotClientOptions EmulatorClient(ControllerOptions options, string baseUrl, string refreshToken, string org) =>
        SpotClientOptions.Isolated(baseUrl, refreshToken, org, Path.GetDirectoryName(options.StatePath)!) with
        {
            StatePath = options.StatePath,
            NoCache = true,
        };
}
