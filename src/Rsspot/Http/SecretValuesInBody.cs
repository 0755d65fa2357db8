using System.Text;
using System.Text.Json;
using Rsspot.Security;

namespace Rsspot.Http;

/// <summary>
/// Finds the client's own secret values (tokens, URL passwords), and credentials in any URL, inside the strings of
/// a JSON body: the user's data (a label, a webhook URL) may hold them under names that do not look secret.
/// </summary>
internal static class SecretValuesInBody
{
    public static bool Present(ReadOnlySpan<byte> body, IEnumerable<string?> secrets)
    {
        var needles = Needles(secrets);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is (JsonTokenType.String or JsonTokenType.PropertyName) && HoldsSecret(ref reader, needles))
                {
                    return true;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static bool HoldsSecret(ref Utf8JsonReader reader, List<byte[]> needles)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            var text = Encoding.UTF8.GetBytes(reader.GetString()!);
            return Contains(text, needles);
        }

        return Contains(reader.ValueSpan, needles);
    }

    private static bool Contains(ReadOnlySpan<byte> text, List<byte[]> needles)
    {
        foreach (var needle in needles)
        {
            if (text.IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return text.IndexOf("://"u8) >= 0 && text.IndexOf((byte)'@') >= 0 && HasUrlCredentials(Encoding.UTF8.GetString(text));
    }

    private static bool HasUrlCredentials(string text) => !string.Equals(SecretPolicy.RedactUrlCredentials(text), text, StringComparison.Ordinal);

    private static List<byte[]> Needles(IEnumerable<string?> secrets) =>
        [.. SecretPolicy.SearchableForms(secrets).Select(Encoding.UTF8.GetBytes)];
}
