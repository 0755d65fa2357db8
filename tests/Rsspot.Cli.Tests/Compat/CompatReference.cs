namespace Rsspot.Cli.Tests.Compat;

/// <summary>One command of another CLI: how its users type the command and every flag it takes.</summary>
/// <param name="Cli">Which CLI the facts come from.</param>
/// <param name="Command">The words of the command as its users type them (aliases included).</param>
/// <param name="Flags">Its flags; spellings of one flag and the two halves of a switch pair are separated by '|'.</param>
public sealed record ForeignCommand(string Cli, string Command, string Flags)
{
    /// <summary>Every spelling, one by one.</summary>
    public IEnumerable<string> Spellings => Flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).SelectMany(f => f.Split('|'));

    public override string ToString() => $"{Cli}: {Command}";
}

/// <summary>
/// The command lines of the Python rsspot 0.3.0 (typer) and of spotctl (the official Go CLI), from their
/// published flag definitions: every command path and flag rsspot accepts with the same meaning.
/// </summary>
public static class CompatReference
{
    public const string Python = "python-rsspot";
    public const string Spotctl = "spotctl";

    private static readonly string[] PythonLines =
    [
        " :: --profile|-p --config-file|-c --output|-o --version",
        "configure :: --profile --org --org-id --region --refresh-token --access-token --client-id --base-url --oauth-url --activate|--no-activate",
        "profiles list :: ",
        "profiles show :: ",
        "profiles use :: ",
        "profiles delete :: ",
        "organizations list :: ",
        "organizations get :: ",
        "regions list :: ",
        "regions get :: ",
        "server-classes list :: --region --only-available|--all",
        "server-classes get :: ",
        "pricing list :: --region --nodes --min-cpu --max-cpu --class --gen",
        "pricing get :: ",
        "pricing build :: --nodes --gen --risk --balanced|--single --regions --classes --min-hour --max-hour --min-month --max-month",
        "cloudspaces list :: --org",
        "cloudspaces get :: --org",
        "cloudspaces create :: --name --region --org --kubernetes-version --deployment-type --cni --cloud --ha-control-plane --gpu-enabled",
        "cloudspaces delete :: --org",
        "cloudspaces get-config :: --org --file|-f",
        "inventory vmcloudspaces :: --org",
        "inventory vmpools :: --vmcloudspace --org",
        "inventory events :: --limit",
        "nodepools spot list :: --org --cloudspace",
        "nodepools spot get :: --org",
        "nodepools spot create :: --name --cloudspace --server-class --bid-price --desired --autoscaling|--no-autoscaling --autoscaling-min --autoscaling-max --label --annotation --org",
        "nodepools spot update :: --name --cloudspace --server-class --bid-price --desired --autoscaling|--no-autoscaling --autoscaling-min --autoscaling-max --label --annotation --org",
        "nodepools spot delete :: --org",
        "nodepools ondemand list :: --org --cloudspace",
        "nodepools ondemand get :: --org",
        "nodepools ondemand create :: --name --cloudspace --server-class --desired --autoscaling|--no-autoscaling --autoscaling-min --autoscaling-max --label --annotation --org",
        "nodepools ondemand update :: --name --cloudspace --server-class --desired --autoscaling|--no-autoscaling --autoscaling-min --autoscaling-max --label --annotation --org",
        "nodepools ondemand delete :: --org",
        "config info :: ",
        "config set-default-profile :: ",
        "config set-default-org :: ",
        "config set-default-region :: ",
        "config history info :: ",
        "config history clear :: ",
        "raw :: --method --path --params-json --body-json",
    ];

    private static readonly string[] SpotctlLines =
    [
        " :: --output|-o",
        "organizations list :: ",
        "organizations get :: ",
        "regions list :: ",
        "regions get :: --name",
        "serverclasses list :: --region|-r",
        "serverclasses get :: --name",
        "pricing get :: --serverclass",
        "cloudspaces list :: --org",
        "cloudspaces create :: --name --org --region --kubernetes-version --preemption-webhook-url --spot-nodepool --ondemand-nodepool --config --cni",
        "cloudspaces get :: --name --org",
        "cloudspaces get-config :: --name --org --file",
        "cloudspaces delete :: --name --org --yes|-y",
        "nodepools spot list :: --org --cloudspace",
        "nodepools spot get :: --name",
        "nodepools spot create :: --org --cloudspace --serverclass --desired --bidprice --custom-labels --custom-annotations --custom-taints",
        "nodepools spot update :: --name --cloudspace --desired --bidprice --org --custom-labels --custom-annotations --custom-taints",
        "nodepools spot delete :: --name --yes|-y",
        "nodepools ondemand list :: --org --cloudspace",
        "nodepools ondemand get :: --name",
        "nodepools ondemand create :: --org --cloudspace --serverclass --desired --custom-labels --custom-annotations --custom-taints",
        "nodepools ondemand update :: --name --cloudspace --desired --org --custom-labels --custom-annotations --custom-taints",
        "nodepools ondemand delete :: --name --yes|-y",
        "sc list :: --region",
        "cs list :: --org",
        "np spot list :: --cloudspace",
        "cloudspace get :: --name",
        "nodepool ondemand list :: --cloudspace",
        "serverclass get :: --name",
        "org list :: ",
        "organization get :: ",
        "vmsshkeys list :: --org",
        "vmsshkeys create :: --name --public-key --description --org",
        "vmsshkeys get :: --name --org",
        "vmsshkeys delete :: --name --org --yes|-y",
        "vmcloudspaces list :: --org",
        "vmcloudspaces create :: --name --org --region --vm-ssh-key-name --vm-ssh-key-namespace --webhook --vm-pool --vm-userdata --vm-userdata-from-script --config",
        "vmcloudspaces get :: --name --org",
        "vmcloudspaces update :: --name --org --webhook",
        "vmcloudspaces delete :: --name --org --yes|-y",
        "vmpools list :: --vmcloudspace --org",
        "vmpools create :: --vmcloudspace --serverclass --bidprice --desired --pooltype --vmimage --vm-userdata --vm-userdata-from-script --org",
        "vmpools get :: --name --org",
        "vmpools update :: --name --desired --bidprice --org",
        "vmpools delete :: --name --org --yes|-y",
        "vmsk list :: ",
        "vmsshkey get :: --name",
        "vmcs list :: ",
        "vmcloudspace get :: --name",
        "vmp list :: --vmcloudspace",
        "vmpool get :: --name",
    ];

    public static IReadOnlyList<ForeignCommand> Commands { get; } =
    [
        .. PythonLines.Select(line => Parse(Python, line)),
        .. SpotctlLines.Select(line => Parse(Spotctl, line)),
    ];

    private static ForeignCommand Parse(string cli, string line)
    {
        var parts = line.Split("::", StringSplitOptions.TrimEntries);
        return new ForeignCommand(cli, parts[0], parts[1]);
    }
}
