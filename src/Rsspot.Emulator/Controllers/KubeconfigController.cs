using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Auth;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Contract;
using Rsspot.Emulator.Kube;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>
/// <c>POST /apis/auth.ngpc.rxt.io/v1/generate-kubeconfig</c>: authenticated by the refresh token in the body,
/// answers a kubeconfig for a Ready cloudspace of one of the caller's organizations.
/// </summary>
[AllowAnonymous]
internal sealed class KubeconfigController(
    TokenService tokens,
    OrganizationDirectory organizations,
    ResourceService resources,
    KubeTokenService kubeTokens,
    KubePaths kubePaths) : KubeconfigControllerBase
{
    public override async Task<ActionResult<KubeconfigResponse>> GenerateKubeconfig(KubeconfigRequest body, CancellationToken cancellationToken = default)
    {
        JsonObject? request;
        try
        {
            request = await JsonNode.ParseAsync(Request.Body, documentOptions: RequestBody.DocumentOptions, cancellationToken: cancellationToken).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            return ContractResults.OAuthError(400, "invalid_request", "The body must be a JSON object.");
        }

        foreach (var field in new[] { "organization_name", "cloudspace_name", "refresh_token" })
        {
            if (request[field] is { } given && given.GetValueKind() != JsonValueKind.String)
            {
                return ContractResults.OAuthError(400, "invalid_request", $"Field {field} must be a string.");
            }

            if (string.IsNullOrEmpty(Text(request, field)))
            {
                return ContractResults.OAuthError(400, "invalid_request", $"Missing required field: {field}.");
            }
        }

        if (!tokens.IsValidRefreshToken(Text(request, "refresh_token")))
        {
            return ContractResults.OAuthError(401, "invalid_grant", "Unknown or invalid refresh token.");
        }

        var orgName = Text(request, "organization_name")!;
        var cloudspaceName = Text(request, "cloudspace_name")!;
        if (organizations.FindByNameOrId(orgName) is not { } org)
        {
            return ContractResults.OAuthError(400, "invalid_request", $"Organization '{orgName}' not found.");
        }

        var cloudspace = resources.Get(ResourceKind.CloudSpace, org.Namespace, cloudspaceName);
        if (!cloudspace.IsSuccess)
        {
            return ContractResults.OAuthError(400, "invalid_request", $"Cloudspace '{cloudspaceName}' not found in organization '{orgName}'.");
        }

        var endpoint = cloudspace.Body["status"]?["APIServerEndpoint"]?.GetValue<string>();
        if (string.IsNullOrEmpty(endpoint))
        {
            return ContractResults.OAuthError(400, "invalid_request", $"Cloudspace '{cloudspaceName}' is not ready yet.");
        }

        var response = new JsonObject
        {
            ["data"] = new JsonObject { ["kubeconfig"] = KubeconfigDocument.Render(org.Name, cloudspaceName, endpoint, kubePaths.CertificateAuthorityData, kubeTokens.Issue(org.Namespace, cloudspaceName, cloudspace.Body["metadata"]?["uid"]?.GetValue<string>() ?? string.Empty)) },
            ["message"] = "Kubeconfig generated successfully",
            ["status_code"] = 200,
        };
        return ApiOutcome.Ok(response).As<KubeconfigResponse>();
    }

    private static string? Text(JsonObject request, string field) =>
        request[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
