using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Auth;
using Rsspot.Emulator.Contract;

namespace Rsspot.Emulator.Controllers;

/// <summary><c>POST /oauth/token</c>: trades the refresh token for an id_token (form body).</summary>
[AllowAnonymous]
internal sealed class OAuthController(TokenService tokens) : OauthControllerBase
{
    public override async Task<ActionResult<TokenResponse>> ExchangeToken(TokenRequest body, CancellationToken cancellationToken = default)
    {
        if (!Request.HasFormContentType)
        {
            return ContractResults.OAuthError(400, "invalid_request", "The body must be application/x-www-form-urlencoded.");
        }

        var form = await Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        var grantType = form["grant_type"].ToString();
        if (string.IsNullOrEmpty(grantType))
        {
            return ContractResults.OAuthError(400, "invalid_request", "Missing required parameter: grant_type.");
        }

        if (grantType != "refresh_token")
        {
            return ContractResults.OAuthError(400, "unsupported_grant_type", $"Grant type '{grantType}' not allowed; use refresh_token.");
        }

        // RFC 6749 5.2: a parameter that is left out is invalid_request; a wrong value is invalid_client or invalid_grant.
        foreach (var parameter in new[] { "client_id", "refresh_token" })
        {
            if (!form.ContainsKey(parameter))
            {
                return ContractResults.OAuthError(400, "invalid_request", $"Missing required parameter: {parameter}.");
            }
        }

        if (!tokens.IsKnownClient(form["client_id"].ToString()))
        {
            return ContractResults.OAuthError(401, "invalid_client", "Unknown client_id.");
        }

        if (!tokens.IsValidRefreshToken(form["refresh_token"].ToString()))
        {
            return ContractResults.OAuthError(401, "invalid_grant", "Unknown or invalid refresh token.");
        }

        return ApiOutcome.Ok(tokens.Exchange()).As<TokenResponse>();
    }
}
