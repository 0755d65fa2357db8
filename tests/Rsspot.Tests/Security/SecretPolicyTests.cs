using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Tests.Security;

public sealed class SecretPolicyTests
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl";
    private const string RandomToken = "v1.Mr5bYq8WnK2pL0sT7uZ3xC9dF4gH6jQ1aE";

    [Theory]
    [InlineData("refresh_token", true)]
    [InlineData("refreshToken", true)]
    [InlineData("--refresh-token", true)]
    [InlineData("access_token", true)]
    [InlineData("client_secret", true)]
    [InlineData("password", true)]
    [InlineData("api_key", true)]
    [InlineData("apiKey", true)]
    [InlineData("Authorization", true)]
    [InlineData("cookie", true)]
    [InlineData("credentials", true)]
    [InlineData("X-Api-Key", true)]
    [InlineData("clientSecret", true)]
    [InlineData("id_token", true)]
    [InlineData("private_key", true)]
    [InlineData("privateKey", true)]
    [InlineData("kubeconfig", true)]
    [InlineData("auth", true)]
    [InlineData("Set-Cookie", true)]
    [InlineData("refresh_tokens", true)]
    [InlineData("oauth_url", false)]
    [InlineData("sshSecretName", false)]
    [InlineData("token_type", false)]
    [InlineData("key", false)]
    [InlineData("public_key", false)]
    [InlineData("publicKey", false)]
    [InlineData("--refresh-token-file", false)]
    [InlineData("refresh_token_expires_at", false)]
    [InlineData("org_id", false)]
    [InlineData("client_id", false)]
    [InlineData("region", false)]
    [InlineData("--output", false)]
    public void Secret_names_are_recognised(string name, bool secret)
    {
        Assert.Equal(secret, SecretPolicy.IsSecretName(name));
    }

    [Theory]
    [InlineData(Jwt, true)]
    [InlineData(RandomToken, true)]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("/apis/ngpc.rxt.io/v1/namespaces/org-abc/cloudspaces", false)]
    [InlineData("5f0c6a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a", false)]
    [InlineData("us-central-dfw-1", false)]
    [InlineData("/tmp/rsspot-configure-4uNJpE/.config/rsspot/config.yaml", false)]
    [InlineData("/home/user/Projects/ClusterA1/kubeconfigs/prod", false)]
    [InlineData("gp.vs1.medium-dfw", false)]
    [InlineData("Host=db;Database=spot;Username=ctl;Password=hunter2", true)]
    [InlineData("Server=db;Uid=ctl;Pwd=hunter2", true)]
    [InlineData("Host=db;Database=spot;Username=ctl", false)]
    public void Secret_looking_values_are_recognised(string value, bool secret)
    {
        Assert.Equal(secret, SecretPolicy.LooksLikeSecret(value));
    }

    [Theory]
    [InlineData("http://user:pw-Secret1@host:8080/x", "http://user:" + SecretPolicy.Mask + "@host:8080/x")]
    [InlineData("see https://tok3n-only@api.example/v1 and http://plain/", "see https://" + SecretPolicy.Mask + "@api.example/v1 and http://plain/")]
    [InlineData("mailto-like a@b is not a URL", "mailto-like a@b is not a URL")]
    public void Url_credentials_are_masked_in_any_text(string text, string expected)
    {
        Assert.Equal(expected, SecretPolicy.RedactUrlCredentials(text));
    }

    [Fact]
    public void Trees_and_maps_are_redacted_without_changing_the_input()
    {
        var tree = new JsonObject { ["profiles"] = new JsonObject { ["p"] = new JsonObject { ["refresh_token"] = "rt", ["org"] = "acme", ["list"] = new JsonArray(Jwt, "x") } } };

        JsonNode redacted = SecretPolicy.RedactTree(tree)!;

        Assert.Equal(SecretPolicy.Mask, (string?)redacted["profiles"]!["p"]!["refresh_token"]);
        Assert.Equal("acme", (string?)redacted["profiles"]!["p"]!["org"]);
        Assert.Equal(SecretPolicy.Mask, (string?)redacted["profiles"]!["p"]!["list"]![0]);
        Assert.Equal("rt", (string?)tree["profiles"]!["p"]!["refresh_token"]);

        IReadOnlyDictionary<string, string?> map = SecretPolicy.RedactMap([new("accessToken", "at"), new("region", "uk-lon-1")]);
        Assert.Equal(SecretPolicy.Mask, map["accessToken"]);
        Assert.Equal("uk-lon-1", map["region"]);
    }
}
