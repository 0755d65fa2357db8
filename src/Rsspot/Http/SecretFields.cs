using System.Text.Json;

namespace Rsspot.Http;

/// <summary>
/// Finds credential fields (<c>token</c>, <c>id_token</c>, <c>refresh_token</c>, <c>password</c>, <c>*secret</c>,
/// <c>kubeconfig</c>) with a value in a JSON body, so such a body is never written to the shared state.db cache.
/// </summary>
internal static class SecretFields
{
    private static readonly string[] Endings = ["token", "password", "passwd", "secret", "kubeconfig"];

    public static bool Present(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && IsSecret(reader.GetString()!))
                {
                    reader.Read();
                    if (reader.TokenType is not JsonTokenType.Null && !(reader.TokenType == JsonTokenType.String && reader.ValueSpan.IsEmpty))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
        catch (JsonException)
        {
            // Not JSON: a text body may still be a kubeconfig or a token, so it is treated as secret.
            return true;
        }
    }

    private static bool IsSecret(string name)
    {
        var normalized = name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        foreach (var ending in Endings)
        {
            if (normalized.EndsWith(ending.ToUpperInvariant(), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
