using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Tests;

/// <summary>An emulator on a free loopback port plus an HttpClient that talks to it as a client would.</summary>
public sealed class EmulatorSession : IAsyncDisposable
{
    public const string DfwRegion = "us-central-dfw-1";

    private EmulatorSession(EmulatorHost host)
    {
        Host = host;
        Http = new HttpClient { BaseAddress = host.BaseUri };
    }

    public EmulatorHost Host { get; }

    public HttpClient Http { get; }

    public string Namespace => Host.Namespace;

    public static async Task<EmulatorSession> StartAsync(EmulatorOptions? options = null, bool authenticate = true)
    {
        var session = new EmulatorSession(await EmulatorHost.StartAsync(options));
        if (authenticate)
        {
            session.UseBearer(await session.ExchangeTokenAsync());
        }

        return session;
    }

    public void UseBearer(string? idToken) =>
        Http.DefaultRequestHeaders.Authorization = idToken is null ? null : new AuthenticationHeaderValue("Bearer", idToken);

    public async Task<string> ExchangeTokenAsync()
    {
        var (status, body) = await PostFormAsync("/oauth/token", new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = EmulatorOptions.PublicClientId,
            ["refresh_token"] = Host.RefreshToken,
        });
        Assert.Equal(HttpStatusCode.OK, status);
        return body["id_token"]!.GetValue<string>();
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> PostFormAsync(string path, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, await ReadAsync(response));
    }

    public string Path(string plural, string? name = null, string? ns = null) =>
        $"/apis/ngpc.rxt.io/v1/namespaces/{ns ?? Namespace}/{plural}" + (name is null ? string.Empty : "/" + name);

    public async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(HttpMethod method, string path, JsonNode? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.RelativeOrAbsolute));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response));
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> SendTextAsync(HttpMethod method, string path, string body, string contentType)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.RelativeOrAbsolute)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await ReadAsync(response));
    }

    public Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<(HttpStatusCode Status, JsonObject Body)> PatchAsync(string path, JsonNode patch, string contentType = "application/merge-patch+json") =>
        SendAsync(HttpMethod.Patch, path, patch, contentType);

    public Task<(HttpStatusCode Status, JsonObject Body)> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<JsonObject> CreateCloudspaceAsync(string name, string region = DfwRegion)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, Path("cloudspaces"), Objects.CloudSpace(name, region));
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    public async Task<JsonObject> CreateSpotPoolAsync(string name, string cloudspace, string serverClass = "gp.vs1.medium-dfw", string bid = "0.50", int desired = 2)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, Path("spotnodepools"), Objects.SpotPool(name, cloudspace, serverClass, bid, desired));
        Assert.True(status == HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    public static IEnumerable<string> Names(JsonObject list) =>
        list["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>());

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["value"] = JsonNode.Parse(text) };
    }
}

/// <summary>Request bodies as a client sends them.</summary>
public static class Objects
{
    public static JsonObject CloudSpace(string name, string region = EmulatorSession.DfwRegion) => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "CloudSpace",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["region"] = region, ["cni"] = "calico", ["kubernetesVersion"] = "1.31.1" },
    };

    public static JsonObject SpotPool(string name, string cloudspace, string serverClass = "gp.vs1.medium-dfw", string bid = "0.50", int desired = 2) => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "SpotNodePool",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["cloudSpace"] = cloudspace, ["serverClass"] = serverClass, ["bidPrice"] = bid, ["desired"] = desired },
    };

    public static JsonObject OnDemandPool(string name, string cloudspace, string serverClass = "gp.vs1.medium-dfw", int desired = 1) => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "OnDemandNodePool",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["cloudSpace"] = cloudspace, ["serverClass"] = serverClass, ["desired"] = desired },
    };

    public static string NewPoolName() => Guid.NewGuid().ToString();
}
