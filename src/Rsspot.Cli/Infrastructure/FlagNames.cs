namespace Rsspot.Cli.Infrastructure;

/// <summary>Maps the SDK's validation field names (ArgumentException.ParamName) to the CLI flags that set them.</summary>
internal static class FlagNames
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bidPrice"] = "--bid-price",
        ["serverClass"] = "--serverclass",
        ["desired"] = "--desired",
        ["taint"] = "--taint",
        ["cloudspace"] = "--cloudspace",
        ["region"] = "--region",
        ["regions"] = "--region",
        ["families"] = "--family",
        ["generations"] = "--generation",
        ["category"] = "--category",
        ["cni"] = "--cni",
        ["autoscaling"] = "--autoscale-min/--autoscale-max",
        ["pools"] = "--spot-nodepool/--ondemand-nodepool",
        ["name"] = "<name>",
        ["KubernetesVersion"] = "--kubernetes-version",
        ["Nodes"] = "--nodes",
        ["MinVcpu"] = "--min-vcpu",
        ["MaxVcpu"] = "--max-vcpu",
        ["serverClassName"] = "<class>",
        ["path"] = "--path",
        ["method"] = "--method",
    };

    public static string Describe(ArgumentException error)
    {
        var message = error.Message;

        // ArgumentException appends " (Parameter 'x')"; the flag goes in front instead.
        var suffix = error.ParamName is null ? null : $" (Parameter '{error.ParamName}')";
        if (suffix is not null && message.EndsWith(suffix, StringComparison.Ordinal))
        {
            message = message[..^suffix.Length];
        }

        if (error.ParamName is null)
        {
            return message;
        }

        var flag = Flags.TryGetValue(error.ParamName, out var known) ? known : "--" + Kebab(error.ParamName);
        return $"{flag}: {message}";
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
