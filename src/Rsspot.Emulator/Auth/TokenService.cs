using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Auth;

/// <summary>
/// Issues and checks the emulator's id_tokens: HS256 JWTs with <c>exp</c>, <c>iat</c>, <c>sub</c> and
/// <c>email</c>. The signing key derives from the refresh token, so tokens stay valid across a restart with
/// the same data file. Forced expiry bumps an epoch carried in each token, which retires every earlier token.
/// </summary>
internal sealed class TokenService
{
    public const string Subject = "emulator|sandbox-user";
    public const string Email = "sandbox-user@example.com";
    private const string Issuer = "rsspot-emulator";
    private const string EpochClaim = "rsspot_epoch";

    private readonly EmulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly byte[] _key;
    private long _epoch;
    private long _serial;
    private long _exchanges;

    public TokenService(EmulatorOptions options)
    {
        _options = options;
        _time = options.TimeProvider;
        _key = SHA256.HashData(Encoding.UTF8.GetBytes("rsspot-emulator-signing/" + options.RefreshToken));
    }

    /// <summary>Successful token exchanges so far.</summary>
    public long Exchanges => Interlocked.Read(ref _exchanges);

    public bool IsKnownClient(string? clientId) =>
        clientId == EmulatorOptions.PublicClientId || (_options.ClientId is not null && clientId == _options.ClientId);

    public bool IsValidRefreshToken(string? refreshToken) =>
        refreshToken is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(refreshToken), Encoding.UTF8.GetBytes(_options.RefreshToken));

    /// <summary>Issues the token response of a successful exchange and counts it.</summary>
    public JsonObject Exchange()
    {
        Interlocked.Increment(ref _exchanges);
        var lifetime = (long)_options.TokenLifetime.TotalSeconds;
        return new JsonObject
        {
            ["access_token"] = "emu-at-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["id_token"] = CreateIdToken(),
            ["scope"] = "openid profile email offline_access",
            ["expires_in"] = lifetime,
            ["token_type"] = "Bearer",
        };
    }

    public string CreateIdToken()
    {
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = _options.ClientId ?? EmulatorOptions.PublicClientId,
            ["sub"] = Subject,
            ["email"] = Email,
            ["iat"] = now,
            ["exp"] = now + (long)Math.Ceiling(_options.TokenLifetime.TotalSeconds),
            ["jti"] = Interlocked.Increment(ref _serial).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [EpochClaim] = Interlocked.Read(ref _epoch),
        };
        var signingInput = Base64Url.Encode(header.ToJsonString()) + "." + Base64Url.Encode(payload.ToJsonString());
        return signingInput + "." + Base64Url.Encode(Sign(signingInput));
    }

    /// <summary>Makes every token issued so far expired.</summary>
    public void ExpireAll() => Interlocked.Increment(ref _epoch);

    /// <summary>Checks an Authorization header; returns null when valid, else the reason.</summary>
    public string? Check(string? authorization)
    {
        const string scheme = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return "Unauthorized: no bearer token was sent";
        }

        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "Unauthorized: the Authorization header is not a bearer token";
        }

        var parts = authorization[scheme.Length..].Trim().Split('.');
        if (parts.Length != 3 || !Base64Url.TryDecode(parts[2], out var signature))
        {
            return "Unauthorized: the bearer token is not a JWT";
        }

        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(parts[0] + "." + parts[1])))
        {
            return "Unauthorized: the bearer token signature is invalid";
        }

        if (!Base64Url.TryDecode(parts[1], out var payloadBytes) || JsonNode.Parse(payloadBytes) is not JsonObject payload)
        {
            return "Unauthorized: the bearer token payload is unreadable";
        }

        var exp = payload["exp"]?.GetValue<long>() ?? 0;
        var epoch = payload[EpochClaim]?.GetValue<long>() ?? -1;
        if (exp <= _time.GetUtcNow().ToUnixTimeSeconds() || epoch != Interlocked.Read(ref _epoch))
        {
            return "Unauthorized: the bearer token has expired";
        }

        return null;
    }

    private byte[] Sign(string signingInput) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(signingInput));
}
