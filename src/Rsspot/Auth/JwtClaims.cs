using System.Buffers.Text;
using System.Text.Json;

namespace Rsspot.Auth;

/// <summary>
/// The few claims the client reads from a JWT (no signature check: the server validates tokens,
/// the client only needs to know when to refresh and whose token it is).
/// </summary>
public sealed record JwtClaims(DateTimeOffset? ExpiresAt, string? Subject)
{
    /// <summary>Reads the claims, or returns null when the text is not a JWT.</summary>
    public static JwtClaims? TryParse(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(parts[1]);
            using var json = JsonDocument.Parse(payload);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            DateTimeOffset? expires = root.TryGetProperty("exp", out var exp) ? Expiry(exp) : null;
            var subject = root.TryGetProperty("sub", out var sub) && sub.ValueKind == JsonValueKind.String ? sub.GetString() : null;
            return new JwtClaims(expires, subject);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>exp</c> as the Python rsspot reads it: a JSON number of seconds (fractions allowed) is the expiry, beyond
    /// the calendar's range the earliest or latest instant; any other type (string, null, boolean, array, object)
    /// means no expiry is known.
    /// </summary>
    private static DateTimeOffset? Expiry(JsonElement exp)
    {
        if (exp.ValueKind != JsonValueKind.Number || !exp.TryGetDouble(out var seconds) || double.IsNaN(seconds))
        {
            return null;
        }

        var min = DateTimeOffset.MinValue.ToUnixTimeSeconds();
        var max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        return seconds <= min ? DateTimeOffset.MinValue
            : seconds >= max ? DateTimeOffset.MaxValue
            : DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(seconds * 1000));
    }

    /// <summary>True while the token is valid for at least <paramref name="skew"/> more.</summary>
    public bool IsValidAt(DateTimeOffset now, TimeSpan skew) => ExpiresAt is { } exp && exp > now && exp - now > skew;
}
