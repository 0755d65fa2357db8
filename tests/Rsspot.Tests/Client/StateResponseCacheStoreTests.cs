using System.Text;
using Microsoft.Data.Sqlite;
using Rsspot.Http;
using Rsspot.State;
using Rsspot.Tests.State;

namespace Rsspot.Tests.Client;

/// <summary>The sqlite tier of the response cache: never holds credentials, and a damaged file only switches it off.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StateResponseCacheStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempStateDir _dir = new();

    public void Dispose()
    {
        _dir.Dispose();
    }

    [Theory]
    [InlineData("{\"id_token\":\"SECRET-VALUE-1\"}")]
    [InlineData("{\"items\":[{\"spec\":{\"refreshToken\":\"SECRET-VALUE-1\"}}]}")]
    [InlineData("{\"password\":\"SECRET-VALUE-1\"}")]
    [InlineData("{\"kubeconfig\":\"apiVersion: v1 SECRET-VALUE-1\"}")]
    [InlineData("{\"token\":\"SECRET-VALUE-1\"}")]
    [InlineData("apiVersion: v1\nusers: [{user: {token: SECRET-VALUE-1}}]")]
    public void Bodies_with_credentials_never_reach_the_file(string body) =>
        OnlyThePlainBodyReachesTheFile(body, "{\"name\":\"ok\",\"token\":null}", secrets: null, "SECRET-VALUE-1");

    [Theory]
    [InlineData("{\"metadata\":{\"labels\":{\"team\":\"KNOWN-SECRET-42\"}}}")]
    [InlineData("{\"spec\":{\"webhook\":\"https://hooks.example/KNOWN-SECRET-42\"}}")]
    [InlineData("{\"items\":[{\"spec\":{\"webhook\":\"https://hooks.example/?k=KNOWN%2FSECRET%2F42\"}}]}")]
    [InlineData("{\"spec\":{\"note\":\"KNOWN\\u002DSECRET-42\"}}")]
    [InlineData("{\"KNOWN-SECRET-42\":1}")]
    [InlineData("{\"spec\":{\"webhook\":\"https://hook-user:hook-pass-77@hooks.example/x\"}}")]
    public void Bodies_holding_a_known_secret_value_or_a_url_password_never_reach_the_file(string body) =>
        OnlyThePlainBodyReachesTheFile(
            body,
            "{\"metadata\":{\"labels\":{\"team\":\"short\"}},\"webhook\":\"https://hooks.example/x\"}",
            () => ["KNOWN-SECRET-42", "KNOWN/SECRET/42", "short"],
            "SECRET",
            "hook-pass-77");

    [Fact]
    public void A_malformed_file_turns_the_tier_off_and_keeps_the_fault()
    {
        string path = _dir.File("state.db");
        using (StateStore fill = StateStore.Open(path))
        {
            for (int i = 0; i < 5; i++)
            {
                fill.HttpCache.Put(new HttpCacheEntry("k" + i, 200, null, new byte[3000], Now, Now.AddHours(1)), 100);
            }
        }

        DamagedStateTests.Corrupt(path);
        using StateStore store = StateStore.Open(path);
        using var cache = new StateResponseCacheStore(() => store, ownsStore: false);

        Assert.Null(cache.Get("k1", Now));
        cache.Put("k9", new CachedResponse(200, null, [1], Now.AddHours(1)), Now, 100);
        Assert.NotNull(store.Fault);
        Assert.Null(cache.Store);
    }

    /// <summary>Puts a secret-holding body and a plain one through the sqlite tier; only the plain one is kept, and no file holds a forbidden text.</summary>
    private void OnlyThePlainBodyReachesTheFile(string secretBody, string plainBody, Func<IEnumerable<string?>>? secrets, params string[] forbidden)
    {
        string path = _dir.File("state.db");
        using (var cache = new StateResponseCacheStore(() => StateStore.Open(path), ownsStore: true, secrets))
        {
            cache.Put("k", new CachedResponse(200, "application/json", Encoding.UTF8.GetBytes(secretBody), Now.AddHours(1)), Now, 100);
            cache.Put("plain", new CachedResponse(200, "application/json", Encoding.UTF8.GetBytes(plainBody), Now.AddHours(1)), Now, 100);
            Assert.Null(cache.Get("k", Now));
            Assert.NotNull(cache.Get("plain", Now));
        }

        SqliteConnection.ClearAllPools();
        foreach (string file in Directory.GetFiles(_dir.Path))
        {
            byte[] bytes = File.ReadAllBytes(file);
            Assert.All(forbidden, text => Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) < 0, $"{file} holds {text}"));
        }
    }
}
