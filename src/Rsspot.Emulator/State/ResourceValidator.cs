using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Autopilot;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.Schema;

namespace Rsspot.Emulator.State;

/// <summary>
/// Field rules of cloudspaces and node pools, applied on create and again after every merge patch.
/// Each broken rule becomes one 422 cause that names the field.
/// </summary>
internal sealed partial class ResourceValidator(SpotCatalog catalog, SchemaValidator schema)
{
    private static readonly string[] Cnis = ["calico", "cilium", "byocni"];
    private static readonly string[] DeploymentTypes = ["gen1", "gen2"];

    // Kubernetes' taint effects: the published file gives the field no enum, the nodes accept only these.
    private static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    // body: the object as it would be stored; existing: the stored object before a patch, null on create.
    // The rules of this class come first (their messages are the more precise); the spec's schema adds a cause
    // for every field they did not name.
    public List<FieldCause> Validate(EmulatorState state, ResourceKind kind, string ns, JsonObject body, StoredResource? existing)
    {
        var causes = ValidateRules(state, kind, ns, body, existing);
        var named = causes.Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
        causes.AddRange(schema.Validate(body, kind.Schema).Where(c => named.Add(c.Field)));
        return causes;
    }

    /// <summary>The spec schema's causes alone (required fields, types, enums).</summary>
    public List<FieldCause> Shape(JsonObject body, ResourceKind kind) => schema.Validate(body, kind.Schema);

    private List<FieldCause> ValidateRules(EmulatorState state, ResourceKind kind, string ns, JsonObject body, StoredResource? existing)
    {
        var causes = new List<FieldCause>();
        var name = StringAt(body["metadata"], "name");
        if (string.IsNullOrEmpty(name))
        {
            causes.Add(FieldCause.Required("metadata.name"));
        }

        if (body["spec"] is not JsonObject spec)
        {
            causes.Add(body["spec"] is null ? FieldCause.Required("spec") : FieldCause.Invalid("spec", "must be an object"));
            return causes;
        }

        if (kind.IsVm)
        {
            VmRules.Validate(catalog, state, kind, ns, name, spec, existing, causes);
        }
        else if (kind == ResourceKind.CloudSpace)
        {
            ValidateCloudSpace(name, spec, existing, causes);
        }
        else if (kind == ResourceKind.AutopilotNodePool)
        {
            AutopilotRules.Validate(state, catalog, ns, name, spec, existing, causes);
        }
        else
        {
            ValidatePool(state, kind, ns, name, spec, existing, causes);
        }

        return causes;
    }

    private void ValidateCloudSpace(string? name, JsonObject spec, StoredResource? existing, List<FieldCause> causes)
    {
        if (!string.IsNullOrEmpty(name) && !DnsLabel().IsMatch(name))
        {
            causes.Add(FieldCause.Invalid("metadata.name", $"\"{name}\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', start and end with an alphanumeric character, and be at most 63 characters"));
        }

        var region = RequiredString(spec, "region", causes);
        if (region is not null && catalog.FindRegion(region) is null)
        {
            causes.Add(FieldCause.NotFound("spec.region", $"\"{region}\" is not a region; list regions for the valid names"));
        }

        OptionalEnum(spec, "cni", Cnis, causes);
        OptionalEnum(spec, "deploymentType", DeploymentTypes, causes);
        if (spec["HAControlPlane"] is { } ha && ha.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            causes.Add(FieldCause.Invalid("spec.HAControlPlane", "must be a boolean"));
        }

        if (existing is not null)
        {
            Immutable(existing, spec, "region", causes);
            Immutable(existing, spec, "deploymentType", causes);
        }
    }

    private void ValidatePool(EmulatorState state, ResourceKind kind, string ns, string? name, JsonObject spec, StoredResource? existing, List<FieldCause> causes)
    {
        if (!string.IsNullOrEmpty(name) && !LowercaseUuid().IsMatch(name))
        {
            causes.Add(FieldCause.Invalid("metadata.name", $"\"{name}\": the name must be a lowercase UUID only"));
        }

        var cloudSpaceName = RequiredString(spec, "cloudSpace", causes);
        var cloudSpace = cloudSpaceName is null ? null : state.Find(ResourceKind.CloudSpace, ns, cloudSpaceName);
        if (cloudSpaceName is not null && cloudSpace is null)
        {
            causes.Add(FieldCause.NotFound("spec.cloudSpace", $"cloudspace \"{cloudSpaceName}\" does not exist in namespace \"{ns}\""));
        }

        var className = RequiredString(spec, "serverClass", causes);
        var serverClass = catalog.FindClass(className);
        if (className is not null && serverClass is null)
        {
            causes.Add(FieldCause.NotFound("spec.serverClass", $"\"{className}\" is not a server class"));
        }
        else if (serverClass is not null && cloudSpace?.SpecString("region") is { } region && serverClass.Region != region)
        {
            causes.Add(FieldCause.Invalid("spec.serverClass", $"\"{className}\" is in region {serverClass.Region}, not in the cloudspace's region {region}"));
        }

        else if (existing is null && cloudSpace is { IsTerminating: true })
        {
            causes.Add(FieldCause.Forbidden("spec.cloudSpace", $"cloudspace \"{cloudSpaceName}\" is being deleted"));
        }

        if (spec["desired"] is not { } desired)
        {
            causes.Add(FieldCause.Required("spec.desired"));
        }
        else if (desired.GetValueKind() != JsonValueKind.Number || !desired.AsValue().TryGetValue<int>(out var count) || count < 0)
        {
            causes.Add(FieldCause.Invalid("spec.desired", "must be a whole number of nodes, 0 or more"));
        }

        if (kind == ResourceKind.SpotNodePool)
        {
            ValidateBid(spec, causes);
            ValidateAutoscaling(spec, causes);
        }

        ValidateTaintEffects(spec, causes);

        if (existing is not null)
        {
            Immutable(existing, spec, "cloudSpace", causes);
            Immutable(existing, spec, "serverClass", causes);
        }
    }

    private static void ValidateBid(JsonObject spec, List<FieldCause> causes)
    {
        if (spec["bidPrice"] is not { } bid)
        {
            causes.Add(FieldCause.Required("spec.bidPrice"));
            return;
        }

        if (bid.GetValueKind() != JsonValueKind.String)
        {
            causes.Add(FieldCause.Invalid("spec.bidPrice", "must be a string holding a decimal number of USD, such as \"0.08\""));
            return;
        }

        var text = bid.GetValue<string>();
        if (!PlainDecimal().IsMatch(text))
        {
            causes.Add(FieldCause.Invalid("spec.bidPrice", $"\"{text}\" must be a plain decimal number of USD without a currency symbol, such as \"0.08\""));
        }
        else if (decimal.Parse(text, CultureInfo.InvariantCulture) <= 0)
        {
            causes.Add(FieldCause.Invalid("spec.bidPrice", "must be greater than 0"));
        }
        else if (!ThreeDecimals().IsMatch(text))
        {
            causes.Add(FieldCause.Invalid("spec.bidPrice", $"\"{text}\" has more than three decimals; bids are in steps of 0.001 USD"));
        }
    }

    private static void ValidateAutoscaling(JsonObject spec, List<FieldCause> causes)
    {
        if (spec["autoscaling"] is null)
        {
            return;
        }

        if (spec["autoscaling"] is not JsonObject autoscaling)
        {
            causes.Add(FieldCause.Invalid("spec.autoscaling", "must be an object"));
            return;
        }

        int? Bound(string field)
        {
            if (autoscaling[field] is not { } node)
            {
                return null;
            }

            if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<int>(out var value) && value >= 0)
            {
                return value;
            }

            causes.Add(FieldCause.Invalid("spec.autoscaling." + field, "must be a whole number, 0 or more"));
            return null;
        }

        var min = Bound("minNodes");
        var max = Bound("maxNodes");
        if (min is not null && max is not null && min > max)
        {
            causes.Add(FieldCause.Invalid("spec.autoscaling.minNodes", $"{min} is more than maxNodes {max}"));
        }
    }

    private static void ValidateTaintEffects(JsonObject spec, List<FieldCause> causes)
    {
        if (spec["customTaints"] is not JsonArray taints)
        {
            return;
        }

        for (var i = 0; i < taints.Count; i++)
        {
            if (taints[i] is JsonObject taint && taint["effect"] is JsonValue effect && effect.GetValueKind() == JsonValueKind.String && !TaintEffects.Contains(effect.GetValue<string>()))
            {
                causes.Add(FieldCause.NotSupported($"spec.customTaints[{i}].effect", effect.ToJsonString(), TaintEffects));
            }
        }
    }

    private static string? RequiredString(JsonObject spec, string field, List<FieldCause> causes)
    {
        var node = spec[field];
        if (node is null || (node.GetValueKind() == JsonValueKind.String && node.GetValue<string>().Length == 0))
        {
            causes.Add(FieldCause.Required("spec." + field));
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            causes.Add(FieldCause.Invalid("spec." + field, "must be a string"));
            return null;
        }

        return node.GetValue<string>();
    }

    private static void OptionalEnum(JsonObject spec, string field, string[] allowed, List<FieldCause> causes)
    {
        if (spec[field] is { } node && (node.GetValueKind() != JsonValueKind.String || !allowed.Contains(node.GetValue<string>())))
        {
            causes.Add(FieldCause.NotSupported("spec." + field, node.ToJsonString(), allowed));
        }
    }

    private static void Immutable(StoredResource existing, JsonObject spec, string field, List<FieldCause> causes)
    {
        var before = existing.Spec[field]?.ToJsonString();
        var after = spec[field]?.ToJsonString();
        if (before != after)
        {
            causes.Add(FieldCause.Invalid("spec." + field, "field is immutable"));
        }
    }

    private static string? StringAt(JsonNode? node, string field) =>
        node is JsonObject o && o[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex LowercaseUuid();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?$")]
    private static partial Regex PlainDecimal();

    // The published rule on spec.bidPrice: self.matches('^\\d+(\\.\\d{1,3})?$').
    [GeneratedRegex(@"^[0-9]+(\.[0-9]{1,3})?$")]
    private static partial Regex ThreeDecimals();
}
