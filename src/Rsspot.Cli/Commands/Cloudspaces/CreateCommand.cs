using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary><c>cloudspaces create NAME --region R [--spot-nodepool ...] [--ondemand-nodepool ...] [--file spec.yaml] [--wait]</c>.</summary>
internal static class CreateCommand
{
    private const string SpotPoolFlag = "--spot-nodepool";
    private const string OnDemandPoolFlag = "--ondemand-nodepool";

    /// <summary>The flags as given; the file, the profile and the flags are merged by <see cref="RunAsync"/>.</summary>
    internal sealed record Options
    {
        public string? Name { get; init; }

        public string? File { get; init; }

        /// <summary>The spelling of the file flag as typed (for messages).</summary>
        public string FileFlag { get; init; } = "--file";

        public string? KubernetesVersion { get; init; }

        public string? Cni { get; init; }

        public bool? HighAvailability { get; init; }

        public string? Webhook { get; init; }

        public string? DeploymentType { get; init; }

        public string? Cloud { get; init; }

        public bool GpuEnabled { get; init; }

        public string[] Labels { get; init; } = [];

        public string[] SpotPools { get; init; } = [];

        public string[] OnDemandPools { get; init; } = [];

        public bool Wait { get; init; }

        public bool KeepOnFailure { get; init; }

        public int TimeoutSeconds { get; init; } = 1800;
    }

    public static Command Create(CliSession session)
    {
        var name = CloudspacesCommand.NameArg();
        var version = new Option<string?>("--kubernetes-version") { Description = "Kubernetes version, e.g. 1.31.1" };
        var cni = new Option<string?>("--cni") { Description = "calico | cilium | byocni" };
        cni.CompletionSources.Add("calico", "cilium", "byocni");
        var ha = new Option<bool?>("--ha", "--ha-control-plane") { Description = "Highly available control plane" };
        var webhook = new Option<string?>("--webhook", "--preemption-webhook-url") { Description = "Webhook URL told about preemptions" };
        var deploymentType = new Option<string?>("--deployment-type") { Description = "gen1 | gen2 (the API's default: gen2)" };
        deploymentType.CompletionSources.Add("gen1", "gen2");
        var cloud = new Option<string?>("--cloud") { Description = "Cloud to run in (the API's default: default)" };
        var gpu = new Option<bool>("--gpu-enabled") { Description = "Prepare the cloudspace for GPU server classes (spec.gpuEnabled, which newer Spot clients send)" };
        var labels = Cmd.Repeatable("--label", "Cloudspace label key=value (repeatable)", "key=value");
        var spot = Cmd.Repeatable(SpotPoolFlag, "Spot pool: desired=2,serverclass=gp.vs1.medium-dfw,bidprice=0.08 (or the same as JSON; repeatable)", "spec");
        var onDemand = Cmd.Repeatable(OnDemandPoolFlag, "On-demand pool: desired=1,serverclass=gp.vs1.large-dfw (or JSON; repeatable)", "spec");
        var file = new Option<string?>("--file", "-f", "--config") { Description = "YAML/JSON cloudspace spec with pools (flags win over the file; keys: rsspot cloudspaces spec-schema)", HelpName = "spec.yaml" };
        var wait = new Option<bool>("--wait") { Description = "Wait until the cloudspace is Ready, showing each phase" };
        var keep = new Option<bool>("--keep-on-failure") { Description = "Keep the cloudspace when one of its pools fails (by default it is deleted again)" };
        var timeout = CloudspacesCommand.TimeoutOption();
        var command = Cmd.New(
            "create",
            """
            Create a cloudspace, optionally with node pools.

            Examples:
              rsspot cloudspaces create demo --region us-central-dfw-1 --spot-nodepool desired=2,serverclass=gp.vs1.medium-dfw,bidprice=0.08
              rsspot cloudspaces create demo --region us-central-dfw-1 --ondemand-nodepool '{"desired":1,"serverclass":"gp.vs1.large-dfw"}' --wait
              rsspot cloudspaces create --file demo.yaml
              rsspot cloudspaces create --name demo --region us-central-dfw-1 --ha-control-plane --deployment-type gen2
            """,
            [.. name.Symbols, version, cni, ha, webhook, deploymentType, cloud, gpu, labels, spot, onDemand, file, wait, keep, timeout]);
        return command.Runs(session, (p, ct) => RunAsync(
            new Options
            {
                GpuEnabled = p.GetValue(gpu),
                Name = name.Find(p),
                File = p.GetValue(file),
                FileFlag = p.TypedName(file),
                KubernetesVersion = p.GetValue(version),
                Cni = p.GetValue(cni),
                HighAvailability = p.GetValue(ha),
                Webhook = p.GetValue(webhook),
                DeploymentType = p.GetValue(deploymentType),
                Cloud = p.GetValue(cloud),
                Labels = p.GetValue(labels) ?? [],
                SpotPools = p.GetValue(spot) ?? [],
                OnDemandPools = p.GetValue(onDemand) ?? [],
                Wait = p.GetValue(wait),
                KeepOnFailure = p.GetValue(keep),
                TimeoutSeconds = p.GetValue(timeout),
            },
            session,
            ct));
    }

    public static async Task RunAsync(Options options, CliSession session, CancellationToken ct)
    {
        var spec = options.File is { } path ? CloudspaceSpecFile.Load(path, options.FileFlag) : null;
        var csName = options.Name ?? spec?.Name ?? throw new CliUsageException($"<name>: give the cloudspace name as an argument, with --name or as 'name' in {options.FileFlag}.");
        var region = session.Region ?? spec?.Region ?? session.Client.Profile.Region
            ?? throw new CliUsageException("--region: the cloudspace needs a region (flag, 'region' in --file, or the profile's region).");
        var request = spec?.ToRequest(csName, region) ?? new CloudspaceCreateRequest(csName, region);
        request = request with
        {
            KubernetesVersion = options.KubernetesVersion ?? request.KubernetesVersion,
            Cni = options.Cni ?? request.Cni,
            HighAvailability = options.HighAvailability ?? request.HighAvailability,
            Webhook = options.Webhook ?? request.Webhook,
            DeploymentType = options.DeploymentType ?? request.DeploymentType,
            Cloud = options.Cloud ?? request.Cloud,
            GpuEnabled = options.GpuEnabled ? true : request.GpuEnabled,
            Labels = KeyValues.Parse(options.Labels, "--label") ?? request.Labels,
            KeepOnFailure = options.KeepOnFailure,
            SpotPools = [.. request.SpotPools, .. options.SpotPools.Select(t => PoolSpecs.Spot(PoolSpecs.Fields(t, SpotPoolFlag), csName, SpotPoolFlag))],
            OnDemandPools = [.. request.OnDemandPools, .. options.OnDemandPools.Select(t => PoolSpecs.OnDemand(PoolSpecs.Fields(t, OnDemandPoolFlag), csName, OnDemandPoolFlag))],
        };

        var created = await CreateInterruptiblyAsync(session, request, ct).ConfigureAwait(false);
        var cloudspace = created.Cloudspace;
        if (options.Wait)
        {
            cloudspace = await CloudspaceReadiness.WaitAsync(session, csName, options.TimeoutSeconds, ct).ConfigureAwait(false);
        }

        var json = new JsonObject
        {
            ["cloudspace"] = JsonModels.ToNode(cloudspace),
            ["spotNodePools"] = JsonModels.ToArray(created.SpotPools),
            ["onDemandNodePools"] = JsonModels.ToArray(created.OnDemandPools),
        };

        // The Python rsspot prints the API's cloudspace; with pools (this tool's and spotctl's flags) all of them are printed.
        var withPools = created.SpotPools.Count + created.OnDemandPools.Count > 0;
        session.Output.Write(new JsonShapes(() => json, withPools ? null : () => ApiTimestamps.Normalize(JsonModels.ToNode(cloudspace)), withPools ? () => json : null), () =>
        {
            var table = new TableView("KIND", "NAME", "SERVER CLASS", "DESIRED", "BID");
            table.Add("cloudspace", csName, string.Empty, string.Empty, string.Empty);
            foreach (var pool in created.SpotPools)
            {
                table.Add("spot pool", pool.Metadata?.Name, pool.Spec?.ServerClass, pool.Spec?.Desired?.ToString(CultureInfo.InvariantCulture), Prices.Table(pool.Spec?.BidPrice));
            }

            foreach (var pool in created.OnDemandPools)
            {
                table.Add("on-demand pool", pool.Metadata?.Name, pool.Spec?.ServerClass, pool.Spec?.Desired?.ToString(CultureInfo.InvariantCulture), string.Empty);
            }

            return table;
        });
    }

    /// <summary>
    /// The create, with what an interrupt leaves behind said in the last line: the SDK rolls back a cloudspace whose
    /// pools were cut short (on its own budget); one interrupted before that is looked up, so the line says whether it exists.
    /// </summary>
    private static async Task<CloudspaceCreation> CreateInterruptiblyAsync(CliSession session, CloudspaceCreateRequest request, CancellationToken ct)
    {
        var name = request.Name;
        if (session.Interrupts is { } interrupts)
        {
            interrupts.LeftBehind = $"cloudspace \"{name}\" may exist; check with 'rsspot cloudspaces get {name}', remove it with: {CreateCleanup.RemoveCommand(name)}";
        }

        try
        {
            return await session.Client.Cloudspaces.CreateAsync(request, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var phase = await CloudspaceReadiness.LookAfterInterruptAsync(session, name).ConfigureAwait(false);
            throw new OperationCanceledException(phase switch
            {
                null => $"Interrupted before cloudspace \"{name}\" was created: the API shows no such cloudspace, so nothing is left behind.",
                { Length: 0 } => $"Interrupted while creating cloudspace \"{name}\": it may exist (the API could not be asked within {CreateCleanup.LookTimeout.TotalSeconds:0} s). Check with 'rsspot cloudspaces get {name}'; remove it with: {CreateCleanup.RemoveCommand(name)}",
                _ => $"Interrupted while creating cloudspace \"{name}\": it exists (phase {phase}). Remove it with: {CreateCleanup.RemoveCommand(name)}",
            });
        }
        finally
        {
            if (session.Interrupts is { } done)
            {
                done.LeftBehind = null;
            }
        }
    }
}
