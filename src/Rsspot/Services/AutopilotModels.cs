using System.Text.RegularExpressions;
using Rsspot.Generated.Api.Models;

namespace Rsspot.Services;

/// <summary>Shared pieces of autopilot node pool bodies and the checks on their values.</summary>
internal static partial class AutopilotModels
{
    public const string Kind = "AutopilotNodePool";

    public static void EnsureVcpuTotal(int total)
    {
        if (total < SpecConstraints.AutopilotVcpuTotalMinimum)
        {
            throw new ArgumentException($"vCPU total {total} is invalid: an autopilot pool fills at least {SpecConstraints.AutopilotVcpuTotalMinimum} vCPU.", "vcpuTotal");
        }
    }

    /// <summary>The API's resource-name rule for autopilot pools: a DNS-1123 label (a lower-case UUID is one).</summary>
    public static void EnsureName(string? name, string field = "name")
    {
        if (string.IsNullOrEmpty(name) || name.Length > 63 || !Dns1123Label().IsMatch(name))
        {
            throw new ArgumentException(
                $"Autopilot pool name '{name}' is invalid: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit (a lower-case UUID such as {SpotNames.NewPoolName()} is one).",
                field);
        }
    }

    public static AutopilotVcpuPerNode Range(VcpuPerNodeRange range) => new() { Min = range.Min, Max = range.Max };

    public static string Strategy(AutopilotAllocationStrategy strategy) => strategy switch
    {
        AutopilotAllocationStrategy.LowestPrice => "LowestPrice",
        _ => throw new ArgumentException($"Allocation strategy {(int)strategy} is invalid: the API accepts only LowestPrice.", "allocationStrategy"),
    };

    [GeneratedRegex(SpecConstraints.CloudspaceNamePattern)]
    private static partial Regex Dns1123Label();
}
