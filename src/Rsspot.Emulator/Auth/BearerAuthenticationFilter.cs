using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Rsspot.Emulator.Api;

namespace Rsspot.Emulator.Auth;

/// <summary>
/// Requires a valid id_token bearer on every contract operation except those marked [AllowAnonymous]
/// (token exchange, kubeconfig generation, price documents); answers a 401 Kubernetes Status otherwise.
/// </summary>
internal sealed class BearerAuthenticationFilter(TokenService tokens) : IAuthorizationFilter
{
    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        var problem = tokens.Check(context.HttpContext.Request.Headers.Authorization);
        if (problem is not null)
        {
            context.Result = KubeStatus.Unauthorized(problem).ToResult();
        }
    }
}
