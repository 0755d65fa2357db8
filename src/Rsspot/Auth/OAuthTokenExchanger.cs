using Microsoft.Kiota.Abstractions;
using Rsspot.Generated.OAuth;
using Rsspot.Generated.OAuth.Models;

namespace Rsspot.Auth;

/// <summary>Exchanges refresh tokens at <c>POST {oauth}/oauth/token</c> with the generated OAuth client.</summary>
public sealed class OAuthTokenExchanger(SpotOAuthClient client, string clientId) : ITokenExchanger
{
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
        catch (OAuthError error)
        {
            var code = string.IsNullOrEmpty(error.Error) ? $"HTTP {error.ResponseStatusCode}" : error.Error;
            var detail = string.IsNullOrEmpty(error.ErrorDescription) ? string.Empty : $" ({error.ErrorDescription})";
            throw new AuthException($"The OAuth server refused the refresh token: {code}{detail}. {AuthException.HowToFix}", error)
            {
                OAuthError = error.Error,
            };
        }
        catch (ApiException error)
        {
            throw new AuthException($"The OAuth server answered HTTP {error.ResponseStatusCode} to the token refresh. {AuthException.HowToFix}", error);
        }
        catch (HttpRequestException error)
        {
            throw new SpotTransportException($"Could not reach the OAuth server to refresh the token: {error.Message}. Check oauth_url and the network.", error);
        }

        if (string.IsNullOrEmpty(response?.IdToken))
        {
            throw new AuthException($"The OAuth server answered without an id_token. {AuthException.HowToFix}");
        }

        return response.IdToken;
    }
}
