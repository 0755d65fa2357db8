using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Auth;

namespace Rsspot.Emulator.Kube;

/// <summary>
/// The bearer tokens of generated kubeconfigs: HS256 JWTs bound to one cloudspace (its uid) that expire after
/// <see cref="EmulatorOptions.KubeTokenLifetime"/>. Signed with a key of their own, so the Spot API refuses them
/// and the kube API refuses Spot id_tokens.
/// </summary>
internal sealed class KubeTokenService
{
    private const string Issuer = "rsspot-emulator-kube";
    private readonly EmulatorOptions _options;
    private readonly byte[] _key;
    private long _epoch;
    private long _serial;

    public KubeTokenService(EmulatorOptions options)
    {
        _options = options;
        _key = SHA256.HashData(Encoding.UTF8.GetBytes("rsspot-emulator-kube-signing/" + options.RefreshToken));
    }

    public string Issue(string ns, string cloudspace, string uid)
    {
        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["sub"] = "ngpc-user",
            ["aud"] = "cloudspace:" + uid,
            ["ns"] = ns,
            ["cs"] = cloudspace,
            ["iat"] = now,
            ["exp"] = now + (long)Math.Ceiling(_options.KubeTokenLifetime.TotalSeconds),
            ["jti"] = Interlocked.Increment(ref _serial).ToString(CultureInfo.InvariantCulture),
            ["epoch"] = Interlocked.Read(ref _epoch),
        };
        var signingInput = Base64Url.Encode(header.ToJsonString()) + "." + Base64Url.Encode(payload.ToJsonString());
        return signingInput + "." + Base64Url.Encode(Sign(signingInput));
    }

    /// <summary>Makes every kube token issued so far expired.</summary>
    public void ExpireAll() => Interlocked.Increment(ref _epoch);

    /// <summary>Null when the Authorization header carries a live token for the cloudspace with <paramref name="uid"/>, else the reason.</summary>
    public string? Check(string? authorization, string uid)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "Unauthorized";
        }

        var parts = authorization[scheme.Length..].Trim().Split('.');
        if (parts.Length != 3 || !Base64Url.TryDecode(parts[2], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1])))
        {
            return "Unauthorized";
        }

        if (!Base64Url.TryDecode(parts[1], out var payloadBytes) || JsonNode.Parse(payloadBytes) is not JsonObject payload)
        {
            return "Unauthorized";
        }

        if (payload["aud"]?.GetValue<string>() != "cloudspace:" + uid)
        {
            return "Unauthorized: the token belongs to another cluster";
        }

        var exp = payload["exp"]?.GetValue<long>() ?? 0;
        var epoch = payload["epoch"]?.GetValue<long>() ?? -1;
        return exp <= _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() || epoch != Interlocked.Read(ref _epoch)
            ? "Unauthorized: the token has expired"
            : null;
    }

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
}
