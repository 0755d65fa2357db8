namespace Rsspot.Emulator;

/// <summary>Settings of one emulator instance. Every property has a default that suits tests.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The refresh token the emulator accepts unless <see cref="RefreshToken"/> says otherwise.</summary>
    public const string DefaultRefreshToken = "rsspot-emulator-refresh-token";

    /// <summary>The name of the caller's first organization unless <see cref="OrganizationName"/> says otherwise.</summary>
    public const string DefaultOrganizationName = "sandbox";

    /// <summary>The OAuth client id of the public Spot client; always accepted by the token endpoint.</summary>
    public const string PublicClientId = "mwG3lUMV8KyeMqHe4fJ5Bb3nM1vBvRNa";

    /// <summary>TCP port on 127.0.0.1; 0 (the default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The only refresh token the token and kubeconfig endpoints accept.</summary>
    public string RefreshToken { get; set; } = DefaultRefreshToken;

    /// <summary>Name of the caller's first organization; more organizations are seeded after it.</summary>
    public string OrganizationName { get; set; } = DefaultOrganizationName;

    /// <summary>An OAuth client id accepted besides <see cref="PublicClientId"/>, or null.</summary>
    public string? ClientId { get; set; }

    /// <summary>Lifetime of issued id_tokens (the JWT <c>exp</c> claim). Default one hour.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Lifetime of the bearer token in a generated kubeconfig, after which the cloudspace's kube API refuses it.
    /// Default one hour.
    /// </summary>
    public TimeSpan KubeTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a new cloudspace stays Provisioning before it is Ready. Default zero: ready at once.</summary>
    public TimeSpan ReadyAfter { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long a deleted cloudspace or pool stays, with <c>metadata.deletionTimestamp</c> set (and a cloudspace in
    /// phase Terminating), before it is gone; its name cannot be reused meanwhile. Default zero: gone at once.
    /// </summary>
    public TimeSpan DeletionGracePeriod { get; set; } = TimeSpan.Zero;

    /// <summary>How long the <c>continue</c> value of a paged list stays valid; older ones answer 410 Expired. Default five minutes.</summary>
    public TimeSpan ContinueLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>JSON file that keeps the state across restarts; null (the default) keeps it in memory only.</summary>
    public string? DataFile { get; set; }

    /// <summary>Page size of the organizations list when the caller gives no smaller limit. Default 2.</summary>
    public int OrganizationPageSize { get; set; } = 2;

    /// <summary>
    /// How many VMs to seed, spread over VM cloudspaces (at most 250 each) and their pools; null (the default)
    /// seeds one VM cloudspace with three VMs.
    /// </summary>
    public int? VmCount { get; set; }

    /// <summary>Faults in force from start-up; null for none.</summary>
    public FaultSettings? Faults { get; set; }

    /// <summary>Seed of the moving market (see <c>Market/SeededMarket</c>); null (the default) keeps the catalog's fixed prices.</summary>
    public int? MarketSeed { get; set; }

    /// <summary>How often the seeded market holds an auction and moves its prices. Default one minute.</summary>
    public TimeSpan MarketStep { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Clock for token lifetimes, phases and timestamps (a fake one makes expiry tests exact).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be between 0 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(RefreshToken))
        {
            throw new ArgumentException("The refresh token must not be empty.", nameof(RefreshToken));
        }

        if (string.IsNullOrWhiteSpace(OrganizationName))
        {
            throw new ArgumentException("The organization name must not be empty.", nameof(OrganizationName));
        }

        if (TokenLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TokenLifetime), TokenLifetime, "The token lifetime must be positive.");
        }

        if (KubeTokenLifetime < TimeSpan.FromSeconds(1) || KubeTokenLifetime > TimeSpan.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(nameof(KubeTokenLifetime), KubeTokenLifetime, "The kubeconfig token lifetime must be from 1 second to 7 days.");
        }

        if (ReadyAfter < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ReadyAfter), ReadyAfter, "The ready delay must not be negative.");
        }

        if (DeletionGracePeriod < TimeSpan.Zero || DeletionGracePeriod > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(DeletionGracePeriod), DeletionGracePeriod, "The deletion grace period must be from 0 to 1 day.");
        }

        if (ContinueLifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ContinueLifetime), ContinueLifetime, "The continue lifetime must be positive.");
        }

        if (OrganizationPageSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(OrganizationPageSize), OrganizationPageSize, "The page size must be at least 1.");
        }

        if (MarketStep < TimeSpan.FromSeconds(1) || MarketStep > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(MarketStep), MarketStep, "The market step must be from 1 second to 1 day.");
        }

        if (VmCount is < 0 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(VmCount), VmCount, "The VM count must be between 0 and 100000.");
        }

        Faults?.Validate();
    }
}
