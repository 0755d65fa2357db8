using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Auth;

namespace Rsspot.Emulator.Api;

/// <summary>
/// The opaque <c>continue</c> value of a paged list: which list it belongs to, the last name served and when it
/// was issued. Clients pass it back unchanged; the emulator refuses one that is malformed or belongs to another
/// list (400) and one older than the configured lifetime (410 Expired, as Kubernetes answers a compacted one).
/// </summary>
internal sealed record ContinueToken(string Plural, string Namespace, string After, DateTimeOffset IssuedAt)
{
    public string Encode()
    {
        var json = new JsonObject
        {
            ["v"] = 1,
            ["list"] = Plural,
            ["ns"] = Namespace,
            ["after"] = After,
            ["at"] = IssuedAt.ToUnixTimeMilliseconds(),
        };
        return Base64Url.Encode(Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    public static bool TryDecode(string text, out ContinueToken token)
    {
        token = new ContinueToken(string.Empty, string.Empty, string.Empty, default);
        try
        {
            if (text.Length > 4096 || !Base64Url.TryDecode(text, out var bytes)
                || RequestBody.ParseJson(Encoding.UTF8.GetString(bytes)) is not JsonObject json
                || json["v"]?.GetValue<int>() != 1
                || json["list"]?.GetValue<string>() is not { } plural
                || json["ns"]?.GetValue<string>() is not { } ns
                || json["after"]?.GetValue<string>() is not { } after
                || json["at"]?.GetValue<long>() is not { } at)
            {
                return false;
            }

            token = new ContinueToken(plural, ns, after, DateTimeOffset.FromUnixTimeMilliseconds(at));
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
