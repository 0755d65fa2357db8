using System.Text.Json;
using Rsspot.Security;

namespace Rsspot.Http;

/// <summary>
/// Finds fields that <see cref="SecretPolicy.IsSecretName">hold secrets</see> (<c>token</c>, <c>refresh_token</c>,
/// <c>apiKey</c>, <c>kubeconfig</c>, ...) with a value in a JSON body, so such a body is never written to the shared
/// state.db cache.
/// </summary>
internal static class SecretFields
{
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

    private static bool IsSecret(string name) => SecretPolicy.IsSecretName(name);
}
