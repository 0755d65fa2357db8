using Microsoft.AspNetCore.Http;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>Reads the body of create and patch requests and hands them to <see cref="ResourceService"/>.</summary>
internal sealed class NamespacedHandler(ResourceService resources)
{
    public ResourceService Resources => resources;

    public async Task<ApiOutcome> CreateAsync(HttpRequest request, ResourceKind kind, string ns, CancellationToken cancellationToken)
    {
        if (resources.Forbidden(kind, ns, "create") is { } forbidden)
        {
            return forbidden;
        }

        var (body, error) = await RequestBody.ReadObjectAsync(request, RequestBody.Json, cancellationToken).ConfigureAwait(false);
        return error ?? resources.Create(kind, ns, body!);
    }

    public async Task<ApiOutcome> PatchAsync(HttpRequest request, ResourceKind kind, string ns, string name, CancellationToken cancellationToken)
    {
        if (resources.Forbidden(kind, ns, "patch") is { } forbidden)
        {
            return forbidden;
        }

        var (patch, error) = await RequestBody.ReadObjectAsync(request, RequestBody.MergePatch, cancellationToken).ConfigureAwait(false);
        return error ?? resources.Patch(kind, ns, name, patch!);
    }
}
