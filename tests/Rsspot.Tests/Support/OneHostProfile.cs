using Rsspot.Configuration;

namespace Rsspot.Tests.Support;

/// <summary>A config file whose active profile, "default", points the API, OAuth and price URLs at one host (an emulator, a test server).</summary>
public static class OneHostProfile
{
    /// <summary>The profile for <paramref name="baseUrl"/>; adjust it with <c>with</c>.</summary>
    public static ProfileConfig For(string baseUrl, string org, string refreshToken) => new()
    {
        Org = org,
        RefreshToken = refreshToken,
        BaseUrl = baseUrl,
        OAuthUrl = baseUrl,
        PriceDataUrl = baseUrl,
    };

    /// <summary>Writes <paramref name="profile"/> to the config file at <paramref name="configPath"/> as the active "default" profile.</summary>
    public static void Save(string configPath, ProfileConfig profile, Action<ConfigStore>? more = null) => ConfigStore.Update(configPath, store =>
    {
        store.SaveProfile("default", profile);
        store.SetActiveProfile("default");
        more?.Invoke(store);
    });
}
