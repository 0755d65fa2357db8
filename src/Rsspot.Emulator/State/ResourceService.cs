using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Autopilot;
using Rsspot.Emulator.Catalog;

namespace Rsspot.Emulator.State;

/// <summary>
/// Kubernetes-style operations on namespaced resources: create, get, list with a label selector and pages,
/// patch, delete one and delete a collection, each write optionally a dry run. Objects are stored as the client
/// sent them (unknown fields kept) with the server's metadata and status added.
/// </summary>
internal sealed class ResourceService(
    EmulatorState state,
    OrganizationDirectory organizations,
    ResourceValidator validator,
    StatusReconciler reconciler,
    EmulatorOptions options)
{
    /// <summary>Turns the stored object into the patched one, or answers why it cannot.</summary>
    public delegate ApiOutcome? PatchFunction(JsonObject current, out JsonObject patched);

    public ApiOutcome List(ResourceKind kind, string ns, string? labelSelector, string? limit = null, string? continueToken = null)
    {
        if (Forbidden(kind, ns, "list") is { } forbidden)
        {
            return forbidden;
        }

        if (!LabelSelector.TryParse(labelSelector, out var selector, out var error))
        {
            return KubeStatus.BadRequest(error);
        }

        var pageSize = 0L;
        if (!string.IsNullOrEmpty(limit) && (!long.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize)))
        {
            return KubeStatus.BadRequest($"limit must be a whole number, 0 or more (got \"{limit}\")");
        }

        var now = options.TimeProvider.GetUtcNow();
        string? after = null;
        if (!string.IsNullOrEmpty(continueToken))
        {
            if (!ContinueToken.TryDecode(continueToken, out var token) || token.Plural != kind.Plural || token.Namespace != ns)
            {
                return KubeStatus.BadRequest("continue key is not valid: it was not issued for this list");
            }

            if (now - token.IssuedAt > options.ContinueLifetime)
            {
                return KubeStatus.Expired("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.");
            }

            after = token.After;
        }

        lock (state.Gate)
        {
            reconciler.Reconcile(state, ns);
            var matching = state.List(kind, ns)
                .Where(r => after is null || string.CompareOrdinal(r.Name, after) > 0)
                .Where(r => selector.Matches(r.Body))
                .ToList();
            var page = pageSize > 0 ? matching.Take((int)Math.Min(pageSize, int.MaxValue)).ToList() : matching;
            var items = new JsonArray();
            foreach (var resource in page)
            {
                items.Add(resource.Body.DeepClone());
            }

            var metadata = new JsonObject { ["resourceVersion"] = state.CurrentResourceVersion };
            if (page.Count < matching.Count)
            {
                metadata["continue"] = new ContinueToken(kind.Plural, ns, page[^1].Name, now).Encode();
                metadata["remainingItemCount"] = matching.Count - page.Count;
            }

            return ApiOutcome.Ok(new JsonObject
            {
                ["apiVersion"] = ResourceKind.ApiVersion,
                ["kind"] = kind.ListKind,
                ["metadata"] = metadata,
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

    public ApiOutcome Create(ResourceKind kind, string ns, JsonObject body, bool dryRun = false)
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
            reconciler.RemoveDeleted(state, ns);
            AddServerLabels(kind, body);
            AddServerDefaults(kind, ns, body);
            var name = body["metadata"]?["name"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;
            var causes = validator.Validate(state, kind, ns, body, existing: null);
            if (causes.Count > 0)
            {
                return KubeStatus.Invalid(kind.Kind, name, causes);
            }

            if (state.Find(kind, ns, name) is { } taken)
            {
                return taken.IsTerminating ? KubeStatus.BeingDeleted(kind.Plural, name) : KubeStatus.AlreadyExists(kind.Plural, name);
            }

            var now = options.TimeProvider.GetUtcNow();
            body = WithTypeFirst(kind, body);
            var metadata = body["metadata"]!.AsObject();
            metadata["namespace"] = ns;
            metadata["uid"] = Guid.NewGuid().ToString();
            metadata["creationTimestamp"] = Timestamp(now);
            foreach (var serverOwned in new[] { "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds" })
            {
                metadata.Remove(serverOwned);
            }

            metadata["generation"] = 1;
            body.Remove("status");
            if (dryRun)
            {
                return new ApiOutcome(201, body);
            }

            metadata["resourceVersion"] = state.NextResourceVersion();
            var resource = new StoredResource(kind, ns, name, now, body);
            state.Add(resource);
            state.Events.Record(ns, now, $"{kind.Kind} {name} created{InCloudSpace(resource)}");
            reconciler.Reconcile(state, ns);
            state.Commit();
            return new ApiOutcome(201, resource.Body.DeepClone());
        }
    }

    /// <summary>A JSON merge patch (RFC 7386).</summary>
    public ApiOutcome Patch(ResourceKind kind, string ns, string name, JsonObject patch, bool dryRun = false) =>
        Patch(kind, ns, name, (JsonObject current, out JsonObject patched) =>
        {
            patched = JsonMergePatch.Apply(current, patch) as JsonObject ?? [];
            return null;
        }, dryRun);

    public ApiOutcome Patch(ResourceKind kind, string ns, string name, PatchFunction apply, bool dryRun = false)
    {
        if (Forbidden(kind, ns, "patch") is { } forbidden)
        {
            return forbidden;
        }

        lock (state.Gate)
        {
            reconciler.RemoveDeleted(state, ns);
            if (state.Find(kind, ns, name) is not { } existing)
            {
                return KubeStatus.NotFound(kind.Plural, name);
            }

            var before = existing.Body;
            if (apply(before, out var patched) is { } refused)
            {
                return refused;
            }

            if (CheckIdentity(kind, ns, patched) is { } mismatch)
            {
                return mismatch;
            }

            // The server puts back its own metadata, apiVersion and kind below: what the patch did to them is
            // checked first, so a wrong type there is refused rather than silently repaired.
            var shape = validator.Shape(patched, kind).Where(c => !c.Field.StartsWith("spec", StringComparison.Ordinal)).ToList();
            if (shape.Count > 0)
            {
                return KubeStatus.Invalid(kind.Kind, name, shape);
            }

            if (patched["metadata"]?["name"] is JsonValue patchedName && patchedName.TryGetValue<string>(out var newName) && newName != name)
            {
                return KubeStatus.BadRequest($"the name of the object ({newName}) does not match the name on the URL ({name})");
            }

            var sentVersion = patched["metadata"]?["resourceVersion"];
            if (sentVersion is not null && !JsonNode.DeepEquals(sentVersion, before["metadata"]?["resourceVersion"]))
            {
                return KubeStatus.Conflict(kind.Plural, name);
            }

            var merged = WithTypeFirst(kind, patched);
            var metadata = merged["metadata"] as JsonObject ?? [];
            merged["metadata"] = metadata;
            foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "generation", "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds" })
            {
                if (before["metadata"]?[field] is { } kept)
                {
                    metadata[field] = kept.DeepClone();
                }
                else
                {
                    metadata.Remove(field);
                }
            }

            merged["status"] = before["status"]?.DeepClone();
            AddServerLabels(kind, merged);
            AddServerDefaults(kind, ns, merged);
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

            if (dryRun)
            {
                return ApiOutcome.Ok(merged);
            }

            metadata["resourceVersion"] = state.NextResourceVersion();
            existing.Body = merged;
            state.Events.Record(ns, options.TimeProvider.GetUtcNow(), $"{kind.Kind} {name} updated{InCloudSpace(existing)}");
            reconciler.Reconcile(state, ns);
            state.Commit();
            return ApiOutcome.Ok(existing.Body.DeepClone());
        }
    }

    public ApiOutcome Delete(ResourceKind kind, string ns, string name, bool dryRun = false)
    {
        if (Forbidden(kind, ns, "delete") is { } forbidden)
        {
            return forbidden;
        }

        lock (state.Gate)
        {
            reconciler.RemoveDeleted(state, ns);
            if (state.Find(kind, ns, name) is not { } resource)
            {
                return KubeStatus.NotFound(kind.Plural, name);
            }

            if (!dryRun)
            {
                RemoveWithDependents(resource);
                reconciler.Reconcile(state, ns);
                state.Commit();
            }

            return new ApiOutcome(202, KubeStatus.Success(
                $"{kind.Plural}.{KubeStatus.Group} \"{name}\" deleted",
                KubeStatus.Details(kind.Plural, name, resource.Uid)));
        }
    }

    public ApiOutcome DeleteCollection(ResourceKind kind, string ns, string? labelSelector, bool dryRun = false)
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
            reconciler.RemoveDeleted(state, ns);
            var doomed = state.List(kind, ns).Where(r => selector.Matches(r.Body)).ToList();
            if (!dryRun)
            {
                foreach (var resource in doomed)
                {
                    RemoveWithDependents(resource);
                }

                reconciler.Reconcile(state, ns);
                state.Commit();
            }

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

    // apiVersion and kind must name this resource when they are strings (a wrong type is a 422 from the schema);
    // a metadata that is not an object cannot be read at all.
    private static ApiOutcome? CheckIdentity(ResourceKind kind, string ns, JsonObject body)
    {
        if (body["metadata"] is not JsonObject metadata)
        {
            if (body["metadata"] is { } wrong)
            {
                return KubeStatus.Invalid(kind.Kind, string.Empty, [FieldCause.TypeInvalid("metadata", "object", wrong.GetValueKind().ToString().ToLowerInvariant())]);
            }

            body["metadata"] = metadata = [];
        }

        if (metadata["namespace"] is { } given && given.GetValueKind() == JsonValueKind.String && given.GetValue<string>() != ns)
        {
            return KubeStatus.BadRequest($"the namespace of the provided object ({given.GetValue<string>()}) does not match the namespace sent on the request ({ns})");
        }

        if (body["apiVersion"] is { } version && version.GetValueKind() == JsonValueKind.String && version.GetValue<string>() != ResourceKind.ApiVersion)
        {
            return KubeStatus.BadRequest($"the API version in the data ({version.GetValue<string>()}) does not match the expected API version ({ResourceKind.ApiVersion})");
        }

        if (body["kind"] is { } k && k.GetValueKind() == JsonValueKind.String && k.GetValue<string>() != kind.Kind)
        {
            return KubeStatus.BadRequest($"the kind of the provided object ({k.ToJsonString()}) must be {kind.Kind} on this path");
        }

        return null;
    }

    // apiVersion, kind and metadata lead, as in the real API; every other member follows in the client's order.
    // A wrong type in apiVersion or kind has already been refused by the schema.
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
        var (field, label) = kind == ResourceKind.VmPool ? ("vmCloudSpace", ResourceKind.VmCloudSpaceLabel) : ("cloudSpace", ResourceKind.CloudSpaceLabel);
        if (kind != ResourceKind.SpotNodePool && kind != ResourceKind.OnDemandNodePool && kind != ResourceKind.AutopilotNodePool && kind != ResourceKind.VmPool)
        {
            return;
        }

        if (body["spec"] is not JsonObject spec || spec[field] is not JsonValue v || !v.TryGetValue<string>(out var cloudSpace))
        {
            return;
        }

        if (body["metadata"] is not JsonObject metadata)
        {
            return;
        }

        if (metadata["labels"] is not JsonObject labels)
        {
            if (metadata["labels"] is not null)
            {
                return;
            }

            metadata["labels"] = labels = [];
        }

        labels[label] = cloudSpace;
    }

    private void AddServerDefaults(ResourceKind kind, string ns, JsonObject body)
    {
        if (kind == ResourceKind.AutopilotNodePool)
        {
            AutopilotRules.ApplyDefaults(state, ns, body);
        }
    }

    // Without a grace period the object and its pools go at once; with one they are marked (deletionTimestamp)
    // and the reconciler removes them when it has passed.
    private void RemoveWithDependents(StoredResource resource)
    {
        var now = options.TimeProvider.GetUtcNow();
        var dependents = resource.Kind == ResourceKind.AutopilotNodePool
            ? AutopilotAllocator.ChildrenOf(state, resource).ToList()
            : resource.Kind == ResourceKind.CloudSpace
            ? new[] { ResourceKind.SpotNodePool, ResourceKind.OnDemandNodePool, ResourceKind.AutopilotNodePool }
                .SelectMany(poolKind => state.List(poolKind, resource.Namespace).Where(p => p.SpecString("cloudSpace") == resource.Name))
                .ToList()
            : resource.Kind == ResourceKind.VmCloudSpace
                ? state.List(ResourceKind.VmPool, resource.Namespace).Where(p => p.SpecString("vmCloudSpace") == resource.Name).ToList()
                : [];
        if (options.DeletionGracePeriod > TimeSpan.Zero)
        {
            foreach (var doomed in dependents.Append(resource).Where(r => !r.IsTerminating))
            {
                var metadata = doomed.Body["metadata"]!.AsObject();
                metadata["deletionTimestamp"] = Timestamp(WholeSecondAtOrAfter(now + options.DeletionGracePeriod));
                metadata["deletionGracePeriodSeconds"] = (long)Math.Ceiling(options.DeletionGracePeriod.TotalSeconds);
                metadata["resourceVersion"] = state.NextResourceVersion();
                state.Events.Record(resource.Namespace, now, $"{doomed.Kind.Kind} {doomed.Name} terminating{InCloudSpace(doomed)}");
            }

            return;
        }

        foreach (var pool in dependents)
        {
            state.Remove(pool);
            state.Events.Record(resource.Namespace, now, $"{pool.Kind.Kind} {pool.Name} deleted with {(resource.Kind == ResourceKind.CloudSpace ? "cloudspace" : resource.Kind.Kind)} {resource.Name}");
        }

        state.Remove(resource);
        state.Events.Record(resource.Namespace, now, $"{resource.Kind.Kind} {resource.Name} deleted{InCloudSpace(resource)}");
    }

    private static DateTimeOffset WholeSecondAtOrAfter(DateTimeOffset time)
    {
        var whole = time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));
        return whole < time ? whole.AddSeconds(1) : whole;
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string InCloudSpace(StoredResource resource) =>
        resource.SpecString("cloudSpace") is { } cloudSpace ? $" in cloudspace {cloudSpace}"
        : resource.SpecString("vmCloudSpace") is { } vmCloudSpace ? $" in vmcloudspace {vmCloudSpace}"
        : string.Empty;
}
