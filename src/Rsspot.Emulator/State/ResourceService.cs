using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Catalog;

namespace Rsspot.Emulator.State;

/// <summary>
/// Kubernetes-style operations on namespaced resources: create, get, list with a label selector, merge patch,
/// delete one and delete a collection. Objects are stored as the client sent them (unknown fields kept)
/// with the server's metadata and status added.
/// </summary>
internal sealed class ResourceService(
    EmulatorState state,
    OrganizationDirectory organizations,
    ResourceValidator validator,
    StatusReconciler reconciler,
    EmulatorOptions options)
{
    public ApiOutcome List(ResourceKind kind, string ns, string? labelSelector)
    {
        if (Forbidden(kind, ns, "list") is { } forbidden)
        {
            return forbidden;
        }

        if (!LabelSelector.TryParse(labelSelector, out var selector, out var error))
        {
            return KubeStatus.BadRequest(error);
        }

        lock (state.Gate)
        {
            reconciler.Reconcile(state, ns);
            var items = new JsonArray();
            foreach (var resource in state.List(kind, ns).Where(r => selector.Matches(r.Body)))
            {
                items.Add(resource.Body.DeepClone());
            }

            return ApiOutcome.Ok(new JsonObject
            {
                ["apiVersion"] = ResourceKind.ApiVersion,
                ["kind"] = kind.ListKind,
                ["metadata"] = new JsonObject { ["resourceVersion"] = state.CurrentResourceVersion },
                ["items"] = items,
            });
        }
    }

    public ApiOutcome Get(ResourceKind kind, string ns, string name)
    {
        if (Forbidden(kind, ns, "get") is { } forbidden)
        {
            return forbidden;
        }

        lock (state.Gate)
        {
            reconciler.Reconcile(state, ns);
            return state.Find(kind, ns, name) is { } resource
                ? ApiOutcome.Ok(resource.Body.DeepClone())
                : KubeStatus.NotFound(kind.Plural, name);
        }
    }

    public ApiOutcome Create(ResourceKind kind, string ns, JsonObject body)
    {
        if (Forbidden(kind, ns, "create") is { } forbidden)
        {
            return forbidden;
        }

        if (CheckIdentity(kind, ns, body) is { } mismatch)
        {
            return mismatch;
        }

        lock (state.Gate)
        {
            AddServerLabels(kind, body);
            var name = body["metadata"]?["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
            var causes = validator.Validate(state, kind, ns, body, existing: null);
            if (causes.Count > 0)
            {
                return KubeStatus.Invalid(kind.Kind, name, causes);
            }

            if (state.Find(kind, ns, name) is not null)
            {
                return KubeStatus.AlreadyExists(kind.Plural, name);
            }

            var now = options.TimeProvider.GetUtcNow();
            body = WithTypeFirst(kind, body);
            var metadata = body["metadata"]!.AsObject();
            metadata["namespace"] = ns;
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            metadata["resourceVersion"] = state.NextResourceVersion();
            metadata["generation"] = 1;
            body.Remove("status");

            var resource = new StoredResource(kind, ns, name, now, body);
            state.Add(resource);
            state.Events.Record(ns, now, $"{kind.Kind} {name} created{InCloudSpace(resource)}");
            reconciler.Reconcile(state, ns);
            state.Commit();
            return new ApiOutcome(201, resource.Body.DeepClone());
        }
    }

    public ApiOutcome Patch(ResourceKind kind, string ns, string name, JsonObject patch)
    {
        if (Forbidden(kind, ns, "patch") is { } forbidden)
        {
            return forbidden;
        }

        if (patch["metadata"]?["name"] is JsonValue patchedName && patchedName.TryGetValue<string>(out var newName) && newName != name)
        {
            return KubeStatus.BadRequest($"the name of the object ({newName}) does not match the name on the URL ({name})");
        }

        lock (state.Gate)
        {
            if (state.Find(kind, ns, name) is not { } existing)
            {
                return KubeStatus.NotFound(kind.Plural, name);
            }

            var before = existing.Body;
            var merged = WithTypeFirst(kind, JsonMergePatch.Apply(existing.Body, patch) as JsonObject ?? []);
            var metadata = merged["metadata"] as JsonObject ?? [];
            merged["metadata"] = metadata;
            foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "generation" })
            {
                metadata[field] = before["metadata"]?[field]?.DeepClone();
            }

            merged["status"] = before["status"]?.DeepClone();
            AddServerLabels(kind, merged);
            var causes = validator.Validate(state, kind, ns, merged, existing);
            if (causes.Count > 0)
            {
                return KubeStatus.Invalid(kind.Kind, name, causes);
            }

            if (!JsonNode.DeepEquals(before["spec"], merged["spec"]))
            {
                var generation = before["metadata"]?["generation"] is JsonValue g && long.TryParse(g.ToJsonString(), CultureInfo.InvariantCulture, out var n) ? n : 1;
                metadata["generation"] = generation + 1;
            }

            metadata["resourceVersion"] = state.NextResourceVersion();
            existing.Body = merged;
            state.Events.Record(ns, options.TimeProvider.GetUtcNow(), $"{kind.Kind} {name} updated{InCloudSpace(existing)}");
            reconciler.Reconcile(state, ns);
            state.Commit();
            return ApiOutcome.Ok(existing.Body.DeepClone());
        }
    }

    public ApiOutcome Delete(ResourceKind kind, string ns, string name)
    {
        if (Forbidden(kind, ns, "delete") is { } forbidden)
        {
            return forbidden;
        }

        lock (state.Gate)
        {
            if (state.Find(kind, ns, name) is not { } resource)
            {
                return KubeStatus.NotFound(kind.Plural, name);
            }

            RemoveWithDependents(resource);
            reconciler.Reconcile(state, ns);
            state.Commit();
            return new ApiOutcome(202, KubeStatus.Success(
                $"{kind.Plural}.{KubeStatus.Group} \"{name}\" deleted",
                KubeStatus.Details(kind.Plural, name, resource.Uid)));
        }
    }

    public ApiOutcome DeleteCollection(ResourceKind kind, string ns, string? labelSelector)
    {
        if (Forbidden(kind, ns, "deletecollection") is { } forbidden)
        {
            return forbidden;
        }

        if (!LabelSelector.TryParse(labelSelector, out var selector, out var error))
        {
            return KubeStatus.BadRequest(error);
        }

        lock (state.Gate)
        {
            var doomed = state.List(kind, ns).Where(r => selector.Matches(r.Body)).ToList();
            foreach (var resource in doomed)
            {
                RemoveWithDependents(resource);
            }

            reconciler.Reconcile(state, ns);
            state.Commit();
            var causes = new JsonArray(doomed.Select(r => (JsonNode)new JsonObject
            {
                ["reason"] = "Deleted",
                ["field"] = "metadata.name",
                ["message"] = r.Name,
            }).ToArray());
            var details = new JsonObject { ["group"] = KubeStatus.Group, ["kind"] = kind.Plural, ["causes"] = causes };
            return ApiOutcome.Ok(KubeStatus.Success($"{doomed.Count} {kind.Plural}.{KubeStatus.Group} deleted", details));
        }
    }

    /// <summary>The 403 for a namespace that is not one of the caller's organizations, else null.</summary>
    public ApiOutcome? Forbidden(ResourceKind kind, string ns, string verb) =>
        organizations.FindByNamespace(ns) is null ? KubeStatus.Forbidden(verb, kind.Plural, ns) : null;

    private static ApiOutcome? CheckIdentity(ResourceKind kind, string ns, JsonObject body)
    {
        if (body["metadata"] is not JsonObject metadata)
        {
            if (body["metadata"] is not null)
            {
                return KubeStatus.BadRequest("metadata must be an object");
            }

            body["metadata"] = metadata = [];
        }

        if (metadata["namespace"] is { } given && (given.GetValueKind() != JsonValueKind.String || given.GetValue<string>() != ns))
        {
            return KubeStatus.BadRequest($"the namespace of the provided object ({given.ToJsonString()}) does not match the namespace sent on the request ({ns})");
        }

        if (body["kind"] is { } k && (k.GetValueKind() != JsonValueKind.String || k.GetValue<string>() != kind.Kind))
        {
            return KubeStatus.BadRequest($"the kind of the provided object ({k.ToJsonString()}) must be {kind.Kind} on this path");
        }

        return null;
    }

    // apiVersion, kind and metadata lead, as in the real API; every other member follows in the client's order.
    private static JsonObject WithTypeFirst(ResourceKind kind, JsonObject body)
    {
        var ordered = new JsonObject
        {
            ["apiVersion"] = ResourceKind.ApiVersion,
            ["kind"] = kind.Kind,
            ["metadata"] = body["metadata"]?.DeepClone(),
        };
        foreach (var (name, value) in body)
        {
            if (name is not ("apiVersion" or "kind" or "metadata"))
            {
                ordered[name] = value?.DeepClone();
            }
        }

        return ordered;
    }

    // Pools carry the label that selects one cloudspace's pools; the server sets it, whatever the client sent.
    private static void AddServerLabels(ResourceKind kind, JsonObject body)
    {
        if (kind != ResourceKind.SpotNodePool && kind != ResourceKind.OnDemandNodePool)
        {
            return;
        }

        if (body["spec"]?["cloudSpace"] is not JsonValue v || !v.TryGetValue<string>(out var cloudSpace))
        {
            return;
        }

        var metadata = body["metadata"]!.AsObject();
        if (metadata["labels"] is not JsonObject labels)
        {
            metadata["labels"] = labels = [];
        }

        labels[ResourceKind.CloudSpaceLabel] = cloudSpace;
    }

    private void RemoveWithDependents(StoredResource resource)
    {
        var now = options.TimeProvider.GetUtcNow();
        if (resource.Kind == ResourceKind.CloudSpace)
        {
            foreach (var poolKind in new[] { ResourceKind.SpotNodePool, ResourceKind.OnDemandNodePool })
            {
                foreach (var pool in state.List(poolKind, resource.Namespace).Where(p => p.SpecString("cloudSpace") == resource.Name))
                {
                    state.Remove(pool);
                    state.Events.Record(resource.Namespace, now, $"{poolKind.Kind} {pool.Name} deleted with cloudspace {resource.Name}");
                }
            }
        }

        state.Remove(resource);
        state.Events.Record(resource.Namespace, now, $"{resource.Kind.Kind} {resource.Name} deleted{InCloudSpace(resource)}");
    }

    private static string InCloudSpace(StoredResource resource) =>
        resource.SpecString("cloudSpace") is { } cloudSpace ? $" in cloudspace {cloudSpace}" : string.Empty;
}
