using System.Net;
using Microsoft.Kiota.Abstractions;
using Rsspot.Generated.OAuth;
using Rsspot.Generated.OAuth.Models;
using Rsspot.Http;
using Rsspot.Security;

namespace Rsspot.Auth;

/// <summary>
/// Exchanges refresh tokens at <c>POST {oauth}/oauth/token</c> with the generated OAuth client. Only a refused refresh
/// token (400 <c>invalid_grant</c>, 401) is an <see cref="AuthException"/>; an OAuth server that is down, slow or
/// answers nonsense is a <see cref="SpotTransportException"/> naming the token refresh and <c>oauth_url</c>.
/// </summary>
public sealed class OAuthTokenExchanger(SpotOAuthClient client, string clientId) : ITokenExchanger
{
    /// <summary>The OAuth server's base URL, named in errors (default: the public Spot OAuth server).</summary>
    public string OAuthUrl { get; init; } = SpotHosts.OAuth;

    /// <inheritdoc />
    public async Task<string> ExchangeAsync(string refreshToken, CancellationToken cancellationToken)
    {
        TokenResponse? response;
        try
        {
            response = await client.Oauth.Token.PostAsync(
                new TokenRequest { GrantType = "refresh_token", ClientId = clientId, RefreshToken = refreshToken },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (OAuthError error) when (IsRefusal(error.ResponseStatusCode, error.Error))
        {
            var code = string.IsNullOrEmpty(error.Error) ? $"HTTP {error.ResponseStatusCode}" : ServerText.Clean(error.Error);
            var description = ServerText.Redact(error.ErrorDescription, [refreshToken]);
            var detail = string.IsNullOrEmpty(description) ? string.Empty : $" ({description})";
            throw new AuthException($"The OAuth server refused the refresh token: {code}{detail}. {AuthException.HowToFix}", error)
            {
                OAuthError = ServerText.Clean(error.Error),
            };
        }
        catch (ApiException error)
        {
            var code = (HttpStatusCode)error.ResponseStatusCode;
            throw Failed($"the OAuth server answered HTTP {(int)code} {code}", error);
        }
        catch (HttpRequestException error)
        {
            throw Failed(ServerText.Clean(error.Message), error);
        }

        return response?.IdToken is { Length: > 0 } idToken && IsJwtShaped(idToken)
            ? idToken
            : throw Failed("the answer has no usable id_token");
    }

    /// <summary>
    /// An id_token is a JWT: header, payload and signature in base64url, joined by dots. Anything else (a number the
    /// parser read as text, an opaque string) would only be refused by the API later, as an auth error it is not.
    /// </summary>
    private static bool IsJwtShaped(string token)
    {
        int dots = 0;
        foreach (char c in token)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        return dots == 2 && token[0] != '.' && token.IndexOf("..", StringComparison.Ordinal) < 0;
    }

    /// <summary>400 invalid_grant (or another 400 about the grant) and 401 mean the refresh token itself was refused.</summary>
    private static bool IsRefusal(int status, string? error) =>
        status == (int)HttpStatusCode.Unauthorized
        || (status == (int)HttpStatusCode.BadRequest && error is null or "invalid_grant" or "unauthorized_client" or "invalid_client");

    private SpotTransportException Failed(string what, Exception? inner = null)
    {
        var message = $"The token refresh at {ServerText.Redact(OAuthUrl)} (oauth_url) failed: {what}. The Spot API was not called; check oauth_url and the network, or try again later.";
        return inner is null ? new SpotTransportException(message) : new SpotTransportException(message, inner);
    }
}
