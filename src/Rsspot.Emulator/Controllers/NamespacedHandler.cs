using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Controllers;

/// <summary>
/// Reads what the generated contract leaves to the handlers (bodies in every published media type, and the
/// Kubernetes query options <c>dryRun</c>, <c>limit</c>, <c>continue</c>, <c>fieldManager</c>) and hands them to
/// <see cref="ResourceService"/>.
/// </summary>
internal sealed class NamespacedHandler(ResourceService resources)
{
    private static readonly string[] CreateTypes = [RequestBody.Json, RequestBody.Yaml];
    private static readonly string[] PatchTypes = [RequestBody.JsonPatch, RequestBody.MergePatch, RequestBody.ApplyPatch];

    public ResourceService Resources => resources;

    public ApiOutcome List(HttpRequest request, ResourceKind kind, string ns, string? labelSelector) =>
        resources.List(kind, ns, labelSelector, Query(request, "limit"), Query(request, "continue"));

    public async Task<ApiOutcome> CreateAsync(HttpRequest request, ResourceKind kind, string ns, CancellationToken cancellationToken)
    {
        if (resources.Forbidden(kind, ns, "create") is { } forbidden)
        {
            return forbidden;
        }

        if (!TryDryRun(request, "CreateOptions", out var dryRun, out var invalid))
        {
            return invalid;
        }

        var (body, error) = await RequestBody.ReadObjectAsync(request, CreateTypes, cancellationToken).ConfigureAwait(false);
        return error ?? resources.Create(kind, ns, body!, dryRun);
    }

    public async Task<ApiOutcome> PatchAsync(HttpRequest request, ResourceKind kind, string ns, string name, CancellationToken cancellationToken)
    {
        if (resources.Forbidden(kind, ns, "patch") is { } forbidden)
        {
            return forbidden;
        }

        if (!TryDryRun(request, "PatchOptions", out var dryRun, out var invalid))
        {
            return invalid;
        }

        var mediaType = RequestBody.MediaType(request);
        if (mediaType == RequestBody.ApplyPatch && string.IsNullOrEmpty(Query(request, "fieldManager")))
        {
            return KubeStatus.InvalidOptions("PatchOptions", FieldCause.Required("fieldManager") with { Message = "Required value: is required for apply patch" });
        }

        var (document, error) = await RequestBody.ReadAsync(request, PatchTypes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        switch (mediaType)
        {
            case RequestBody.JsonPatch:
                if (!JsonPatch.TryRead(document, out var patch, out var unreadable))
                {
                    return KubeStatus.BadRequest(unreadable);
                }

                return resources.Patch(kind, ns, name, (JsonObject current, out JsonObject patched) =>
                {
                    patched = [];
                    var result = patch.Apply(current, out var failure);
                    if (failure is not null)
                    {
                        return KubeStatus.Invalid(kind.Kind, name, [FieldCause.Invalid("patch", failure)]);
                    }

                    if (result is not JsonObject patchedObject)
                    {
                        return KubeStatus.Invalid(kind.Kind, name, [FieldCause.Invalid("patch", "the patched document must stay an object")]);
                    }

                    patched = patchedObject;
                    return null;
                }, dryRun);
            case RequestBody.ApplyPatch:
                return Apply(kind, ns, name, document, dryRun);
            default:
                return document is JsonObject mergePatch
                    ? resources.Patch(kind, ns, name, mergePatch, dryRun)
                    : KubeStatus.BadRequest("a merge patch must be an object");
        }
    }

    public ApiOutcome Delete(HttpRequest request, ResourceKind kind, string ns, string name) =>
        TryDryRun(request, "DeleteOptions", out var dryRun, out var invalid) ? resources.Delete(kind, ns, name, dryRun) : invalid;

    public ApiOutcome DeleteCollection(HttpRequest request, ResourceKind kind, string ns, string? labelSelector) =>
        TryDryRun(request, "DeleteOptions", out var dryRun, out var invalid) ? resources.DeleteCollection(kind, ns, labelSelector, dryRun) : invalid;

    // Server-side apply, as a merge of the applied configuration (or a create when the object does not exist).
    // The applied configuration names its type and object, as Kubernetes requires.
    private ApiOutcome Apply(ResourceKind kind, string ns, string name, JsonNode? document, bool dryRun)
    {
        if (document is not JsonObject applied)
        {
            return KubeStatus.BadRequest("an apply patch must be a YAML map");
        }

        foreach (var field in new[] { "apiVersion", "kind" })
        {
            if (applied[field] is null)
            {
                return KubeStatus.BadRequest($"an apply patch must set {field} (\"{(field == "kind" ? kind.Kind : ResourceKind.ApiVersion)}\")");
            }
        }

        if (applied["metadata"] is JsonObject metadata && metadata["name"] is null)
        {
            metadata["name"] = name;
        }

        var patched = resources.Patch(kind, ns, name, applied, dryRun);
        return patched.StatusCode == 404
            ? resources.Create(kind, ns, WithName(applied, name), dryRun)
            : patched;
    }

    private static JsonObject WithName(JsonObject applied, string name)
    {
        if (applied["metadata"] is not JsonObject metadata)
        {
            applied["metadata"] = metadata = [];
        }

        metadata["name"] = name;
        return applied;
    }

    private static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    // Kubernetes knows one dry-run mode, All; any other value is refused.
    private static bool TryDryRun(HttpRequest request, string optionsKind, out bool dryRun, out ApiOutcome invalid)
    {
        dryRun = false;
        invalid = ApiOutcome.Ok(new JsonObject());
        if (!request.Query.TryGetValue("dryRun", out var values))
        {
            return true;
        }

        foreach (var value in values)
        {
            if (value != "All")
            {
                invalid = KubeStatus.InvalidOptions(optionsKind, FieldCause.NotSupported("dryRun", $"\"{value}\"", ["All"]));
                return false;
            }
        }

        dryRun = values.Count > 0;
        return true;
    }
}
