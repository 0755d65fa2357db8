using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Rsspot.Emulator.Tests.Kube;

/// <summary>The minimal Kubernetes API each Ready cloudspace serves at its APIServerEndpoint.</summary>
public class KubeApiTests
{
    private const string KubeconfigPath = "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig";

    [Fact]
    public async Task The_kubeconfig_token_lists_one_node_per_won_node_over_verified_TLS_until_it_expires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { TimeProvider = clock, KubeTokenLifetime = TimeSpan.FromSeconds(5) });
        var created = await spot.CreateCloudspaceAsync("alpha");
        await spot.CreateSpotPoolAsync(Guid.NewGuid().ToString(), "alpha", bid: "0.90", desired: 2);
        var endpoint = (await spot.GetAsync(spot.Path("cloudspaces", "alpha"))).Body["status"]!["APIServerEndpoint"]!.GetValue<string>();
        var (server, ca, token) = await KubeconfigAsync(spot, "alpha");
        Assert.Equal(endpoint, server);
        Assert.StartsWith("https://127.0.0.1:", server, StringComparison.Ordinal);
        Assert.NotNull(created);

        using var kube = Client(ca);
        var (status, nodes) = await GetAsync(kube, server + "/api/v1/nodes", token);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, nodes["items"]!.AsArray().Count);
        Assert.Equal("NodeList", nodes["kind"]!.GetValue<string>());
        var (versionStatus, version) = await GetAsync(kube, server + "/version", token);
        Assert.Equal(HttpStatusCode.OK, versionStatus);
        Assert.StartsWith("v1.", version["gitVersion"]!.GetValue<string>(), StringComparison.Ordinal);
        var (podsStatus, pods) = await GetAsync(kube, server + "/api/v1/namespaces/default/pods", token);
        Assert.Equal(HttpStatusCode.OK, podsStatus);
        Assert.Empty(pods["items"]!.AsArray());

        // A Spot id_token is not a kubeconfig token; an expired kubeconfig token is refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(kube, server + "/api/v1/nodes", spot.Host.CreateIdToken())).Status);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(kube, server + "/api/v1/nodes", token)).Status);
    }

    [Fact]
    public async Task A_token_of_one_cloudspace_is_refused_by_another_and_a_deleted_cloudspace_has_no_API()
    {
        await using var spot = await EmulatorSession.StartAsync();
        await spot.CreateCloudspaceAsync("alpha");
        await spot.CreateCloudspaceAsync("beta");
        var (alphaServer, ca, alphaToken) = await KubeconfigAsync(spot, "alpha");
        var (betaServer, _, _) = await KubeconfigAsync(spot, "beta");
        using var kube = Client(ca);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync(kube, betaServer + "/api/v1/nodes", alphaToken)).Status);
        await spot.DeleteAsync(spot.Path("cloudspaces", "alpha"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(kube, alphaServer + "/api/v1/nodes", alphaToken)).Status);
    }

    private static async Task<(string Server, string Ca, string Token)> KubeconfigAsync(EmulatorSession spot, string cloudspace)
    {
        var (status, body) = await spot.SendAsync(HttpMethod.Post, KubeconfigPath, new JsonObject
        {
            ["organization_name"] = spot.Host.OrganizationName,
            ["cloudspace_name"] = cloudspace,
            ["refresh_token"] = spot.Host.RefreshToken,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        var lines = body["data"]!["kubeconfig"]!.GetValue<string>().Split('\n').Select(l => l.Trim()).ToList();
        string Value(string key) => lines.Single(l => l.StartsWith(key + ": ", StringComparison.Ordinal))[(key.Length + 2)..];
        return (Value("server"), Value("certificate-authority-data"), Value("token"));
    }

    private static HttpClient Client(string caData)
    {
        var ca = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(Convert.FromBase64String(caData)));
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return cert is not null && chain.Build(cert);
            },
        };
        return new HttpClient(handler);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client, string url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, (JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject)!);
    }
}
