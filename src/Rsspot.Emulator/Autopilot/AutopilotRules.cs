using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Catalog;
using Rsspot.Emulator.State;

namespace Rsspot.Emulator.Autopilot;

/// <summary>
/// Field rules of autopilot node pools, applied on create and after every patch (each broken rule is one 422 cause
/// naming the field), and the defaults the server fills in: the cloudspace's region, memory per vCPU <c>any</c> and
/// the <c>LowestPrice</c> strategy.
/// </summary>
internal static partial class AutopilotRules
{
    public static readonly string[] MemoryValues = ["any", "2", "4", "8"];
    public static readonly string[] Strategies = ["LowestPrice"];
    private static readonly string[] TaintEffects = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

    /// <summary>Fills the server's defaults into a body about to be validated (create and patch).</summary>
    public static void ApplyDefaults(EmulatorState state, string ns, JsonObject body)
    {
        if (body["spec"] is not JsonObject spec)
        {
            return;
        }

        if ((spec["region"] is null || Text(spec["region"]) == string.Empty)
            && Text(spec["cloudSpace"]) is { Length: > 0 } cloudSpace
            && state.Find(ResourceKind.CloudSpace, ns, cloudSpace)?.SpecString("region") is { } region)
        {
            spec["region"] = region;
        }

        if (spec["memoryPerVCPU"] is null)
        {
            spec["memoryPerVCPU"] = "any";
        }

        if (spec["allocationStrategy"] is null)
        {
            spec["allocationStrategy"] = "LowestPrice";
        }
    }

    public static void Validate(EmulatorState state, SpotCatalog catalog, string ns, string? name, JsonObject spec, StoredResource? existing, List<FieldCause> causes)
    {
        if (!string.IsNullOrEmpty(name) && !DnsLabel().IsMatch(name))
        {
            causes.Add(FieldCause.Invalid("metadata.name", $"\"{name}\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', start and end with an alphanumeric character, and be at most 63 characters"));
        }

        var cloudSpaceName = RequiredString(spec, "cloudSpace", causes);
        var cloudSpace = cloudSpaceName is null ? null : state.Find(ResourceKind.CloudSpace, ns, cloudSpaceName);
        if (cloudSpaceName is not null && cloudSpace is null)
        {
            causes.Add(FieldCause.NotFound("spec.cloudSpace", $"cloudspace \"{cloudSpaceName}\" does not exist in namespace \"{ns}\""));
        }
        else if (existing is null && cloudSpace is { IsTerminating: true })
        {
            causes.Add(FieldCause.Forbidden("spec.cloudSpace", $"cloudspace \"{cloudSpaceName}\" is being deleted"));
        }

        if (spec["region"] is { } regionNode)
        {
            if (regionNode.GetValueKind() != JsonValueKind.String)
            {
                causes.Add(FieldCause.Invalid("spec.region", "must be a string"));
            }
            else if (catalog.FindRegion(regionNode.GetValue<string>()) is null)
            {
                causes.Add(FieldCause.NotFound("spec.region", $"\"{regionNode.GetValue<string>()}\" is not a region; list regions for the valid names"));
            }
            else if (cloudSpace?.SpecString("region") is { } csRegion && csRegion != regionNode.GetValue<string>())
            {
                causes.Add(FieldCause.Invalid("spec.region", $"\"{regionNode.GetValue<string>()}\" differs from the region of cloudspace \"{cloudSpaceName}\" ({csRegion})"));
            }
        }

        ValidateVcpu(spec, causes);
        ValidateVcpuPerNode(spec, causes);
        OptionalEnum(spec, "memoryPerVCPU", MemoryValues, causes);
        OptionalEnum(spec, "allocationStrategy", Strategies, causes);
        ValidateBudget(spec, causes);
        ValidateTaints(spec, causes);
        if (existing is not null)
        {
            Immutable(existing, spec, "cloudSpace", causes);
            Immutable(existing, spec, "region", causes);
        }
    }

    private static void ValidateVcpu(JsonObject spec, List<FieldCause> causes)
    {
        if (spec["vcpu"] is null)
        {
            causes.Add(FieldCause.Required("spec.vcpu"));
            return;
        }

        if (spec["vcpu"] is not JsonObject vcpu)
        {
            causes.Add(FieldCause.Invalid("spec.vcpu", "must be an object such as {\"total\": 8}"));
            return;
        }

        if (vcpu["total"] is not { } total)
        {
            causes.Add(FieldCause.Required("spec.vcpu.total"));
        }
        else if (Whole(total) is not int n || n < 1)
        {
            causes.Add(FieldCause.Invalid("spec.vcpu.total", "must be a whole number of vCPUs, 1 or more"));
        }
    }

    private static void ValidateVcpuPerNode(JsonObject spec, List<FieldCause> causes)
    {
        if (spec["vcpuPerNode"] is null)
        {
            return;
        }

        if (spec["vcpuPerNode"] is not JsonObject range)
        {
            causes.Add(FieldCause.Invalid("spec.vcpuPerNode", "must be an object such as {\"min\": 2, \"max\": 8}"));
            return;
        }

        int? Bound(string field)
        {
            if (range[field] is not { } node)
            {
                return null;
            }

            if (Whole(node) is int value && value >= 1)
            {
                return value;
            }

            causes.Add(FieldCause.Invalid("spec.vcpuPerNode." + field, "must be a whole number of vCPUs, 1 or more"));
            return null;
        }

        var min = Bound("min");
        var max = Bound("max");
        if (min is not null && max is not null && min > max)
        {
            causes.Add(FieldCause.Invalid("spec.vcpuPerNode.min", $"{min} is more than max {max}"));
        }
    }

    private static void ValidateBudget(JsonObject spec, List<FieldCause> causes)
    {
        if (spec["budgetPerHour"] is not { } budget)
        {
            causes.Add(FieldCause.Required("spec.budgetPerHour"));
            return;
        }

        if (budget.GetValueKind() != JsonValueKind.String)
        {
            causes.Add(FieldCause.Invalid("spec.budgetPerHour", "must be a string holding a decimal number of USD per hour, such as \"1.25\""));
            return;
        }

        var text = budget.GetValue<string>();
        if (!ThreeDecimals().IsMatch(text))
        {
            causes.Add(FieldCause.Invalid("spec.budgetPerHour", $"\"{text}\" must be a positive decimal number of USD with up to three decimal places, without a currency symbol"));
        }
        else if (decimal.Parse(text, CultureInfo.InvariantCulture) <= 0)
        {
            causes.Add(FieldCause.Invalid("spec.budgetPerHour", "must be greater than 0"));
        }
    }

    private static void ValidateTaints(JsonObject spec, List<FieldCause> causes)
    {
        if (spec["customTaints"] is null)
        {
            return;
        }

        if (spec["customTaints"] is not JsonArray taints)
        {
            causes.Add(FieldCause.Invalid("spec.customTaints", "must be a list of {key, value, effect}"));
            return;
        }

        for (var i = 0; i < taints.Count; i++)
        {
            if (taints[i] is not JsonObject taint)
            {
                causes.Add(FieldCause.Invalid($"spec.customTaints[{i}]", "must be an object {key, value, effect}"));
                continue;
            }

            if (Text(taint["key"]) is not { Length: > 0 })
            {
                causes.Add(FieldCause.Required($"spec.customTaints[{i}].key"));
            }

            if (Text(taint["effect"]) is not { } effect || !TaintEffects.Contains(effect))
            {
                causes.Add(FieldCause.NotSupported($"spec.customTaints[{i}].effect", taint["effect"]?.ToJsonString() ?? "null", TaintEffects));
            }
        }
    }

    private static string? RequiredString(JsonObject spec, string field, List<FieldCause> causes)
    {
        var node = spec[field];
        if (node is null || Text(node) is "")
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
        if (existing.Spec[field]?.ToJsonString() != spec[field]?.ToJsonString())
        {
            causes.Add(FieldCause.Invalid("spec." + field, "field is immutable"));
        }
    }

    public static int? Whole(JsonNode? node) =>
        node is JsonValue v && node.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) ? n : null;

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && node.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]{1,3})?$")]
    private static partial Regex ThreeDecimals();
}
