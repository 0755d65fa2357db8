using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Python;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Services;

namespace Rsspot.Cli.Commands;

/// <summary><c>cloudspaces list|get|create|update|delete|get-config|wait</c>.</summary>
internal static class CloudspacesCommands
{
    private const string SpotPoolFlag = "--spot-nodepool";
    private const string OnDemandPoolFlag = "--ondemand-nodepool";

    public static Command Create(CliSession s) => Cmd.Group(
        "cloudspaces",
        "Cloudspaces (managed Kubernetes clusters)",
        List(s),
        Get(s),
        CreateCommand(s),
        Update(s),
        Delete(s),
        GetConfig(s),
        Wait(s),
        SpecSchema(s),
        Cloudspaces.CredentialCommand.Create(s));

    internal static NameInput NameArg() => new("name", "cloudspace name");

    private static Command List(CliSession s)
    {
        var selector = new Option<string?>("--selector", "-l") { Description = "Label selector, e.g. team=web" };
        return Cmd.New("list", "List cloudspaces", selector).Runs(s, async (p, ct) =>
        {
            if (s.Output.PrintsPythonShape(hasSpotctlShape: true))
            {
                var answer = await ApiAnswers.ListAsync(s, "cloudspaces", p.GetValue(selector), ct).ConfigureAwait(false);
                s.Output.Write(new JsonShapes(() => null, () => PythonShapes.Apply(PythonModels.ListOf(PythonModels.Cloudspace), answer)), () => new TableView());
                return;
            }

            var cloudspaces = await s.Client.Cloudspaces.ListAsync(p.GetValue(selector), ct).ConfigureAwait(false);
            var org = s.Output.PrintsSpotctlShape ? ApiAnswers.OrgName(s) : string.Empty;
            s.Output.Write(new JsonShapes(() => JsonModels.ToArray(cloudspaces), Spotctl: () => new JsonArray([.. cloudspaces.Select(c => (JsonNode)SpotctlShapes.Cloudspace(JsonModels.ToNode(c), org))])), () =>
            {
                var table = new TableView("NAME", "REGION", "PHASE", "KUBERNETES", "HA");
                foreach (var c in cloudspaces.Select(CloudspaceSummary.From).OrderBy(c => c.Name, StringComparer.Ordinal))
                {
                    table.Add(c.Name, c.Region, c.Phase, c.KubernetesVersion, c.HighAvailability ? "true" : "false");
                }

                return table;
            });
        });
    }

    private static Command Get(CliSession s)
    {
        var name = NameArg();
        return Cmd.New("get", "Show one cloudspace", name.Symbols).Runs(s, async (p, ct) =>
        {
            var json = JsonModels.ToNode(await s.Client.Cloudspaces.GetAsync(name.Get(p), ct).ConfigureAwait(false));
            var org = s.Output.PrintsSpotctlShape ? ApiAnswers.OrgName(s) : string.Empty;
            s.Output.Write(new JsonShapes(() => json, () => PythonShapes.Apply(PythonModels.Cloudspace, json), () => SpotctlShapes.Cloudspace(json, org)), () => Pairs(json));
        });
    }

    private static TableView Pairs(JsonNode json) => TableView.Pairs(
    [
        ("name", JsonModels.Text(json, "metadata.name")),
        ("region", JsonModels.Text(json, "spec.region")),
        ("phase", JsonModels.Text(json, "status.phase")),
        ("health", JsonModels.Text(json, "status.health")),
        ("kubernetes", Present(JsonModels.Text(json, "spec.kubernetesVersion")) ?? JsonModels.Text(json, "status.currentKubernetesVersion")),
        ("ha_control_plane", Present(JsonModels.Text(json, "spec.HAControlPlane")) ?? "false"), // the published default
        ("cni", JsonModels.Text(json, "spec.cni")),
        ("api_endpoint", JsonModels.Text(json, "status.APIServerEndpoint")),
    ]);

    private static string? Present(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static Command CreateCommand(CliSession s)
    {
        var name = NameArg();
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
        var timeout = TimeoutOption();
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
            [
            .. name.Symbols,
            version,
            cni,
            ha,
            webhook,
            deploymentType,
            cloud,
            gpu,
            labels,
            spot,
            onDemand,
            file,
            wait,
            keep,
            timeout,
            ]);
        return command.Runs(s, async (p, ct) =>
        {
            var fileFlag = p.TypedName(file);
            var spec = p.GetValue(file) is { } path ? CloudspaceSpecFile.Load(path, fileFlag) : null;
            var csName = name.Find(p) ?? spec?.Name ?? throw new CliUsageException($"<name>: give the cloudspace name as an argument, with --name or as 'name' in {fileFlag}.");
            var region = s.Region ?? spec?.Region ?? s.Client.Profile.Region
                ?? throw new CliUsageException("--region: the cloudspace needs a region (flag, 'region' in --file, or the profile's region).");
            var request = spec?.ToRequest(csName, region) ?? new CloudspaceCreateRequest(csName, region);
            request = request with
            {
                KubernetesVersion = p.GetValue(version) ?? request.KubernetesVersion,
                Cni = p.GetValue(cni) ?? request.Cni,
                HighAvailability = p.GetValue(ha) ?? request.HighAvailability,
                Webhook = p.GetValue(webhook) ?? request.Webhook,
                DeploymentType = p.GetValue(deploymentType) ?? request.DeploymentType,
                Cloud = p.GetValue(cloud) ?? request.Cloud,
                GpuEnabled = p.GetValue(gpu) ? true : request.GpuEnabled,
                Labels = KeyValues.Parse(p.GetValue(labels), "--label") ?? request.Labels,
                KeepOnFailure = p.GetValue(keep),
                SpotPools = [.. request.SpotPools, .. (p.GetValue(spot) ?? []).Select(t => PoolSpecs.Spot(PoolSpecs.Fields(t, SpotPoolFlag), csName, SpotPoolFlag))],
                OnDemandPools = [.. request.OnDemandPools, .. (p.GetValue(onDemand) ?? []).Select(t => PoolSpecs.OnDemand(PoolSpecs.Fields(t, OnDemandPoolFlag), csName, OnDemandPoolFlag))],
            };

            var created = await CreateInterruptiblyAsync(s, request, ct).ConfigureAwait(false);
            var cloudspace = created.Cloudspace;
            if (p.GetValue(wait))
            {
                cloudspace = await WaitAsync(s, csName, p.GetValue(timeout), ct).ConfigureAwait(false);
            }

            var json = new JsonObject
            {
                ["cloudspace"] = JsonModels.ToNode(cloudspace),
                ["spotNodePools"] = JsonModels.ToArray(created.SpotPools),
                ["onDemandNodePools"] = JsonModels.ToArray(created.OnDemandPools),
            };

            // The Python rsspot prints the API's cloudspace; with pools (this tool's and spotctl's flags) all of them are printed.
            var withPools = created.SpotPools.Count + created.OnDemandPools.Count > 0;
            s.Output.Write(new JsonShapes(() => json, withPools ? null : () => ApiTimestamps.Normalize(JsonModels.ToNode(cloudspace)), withPools ? () => json : null), () =>
            {
                var table = new TableView("KIND", "NAME", "SERVER CLASS", "DESIRED", "BID");
                table.Add("cloudspace", csName, string.Empty, string.Empty, string.Empty);
                foreach (var pool in created.SpotPools)
                {
                    table.Add("spot pool", pool.Metadata?.Name, pool.Spec?.ServerClass, pool.Spec?.Desired?.ToString(System.Globalization.CultureInfo.InvariantCulture), Prices.Table(pool.Spec?.BidPrice));
                }

                foreach (var pool in created.OnDemandPools)
                {
                    table.Add("on-demand pool", pool.Metadata?.Name, pool.Spec?.ServerClass, pool.Spec?.Desired?.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Empty);
                }

                return table;
            });
        });
    }

    private static Command Update(CliSession s)
    {
        var name = NameArg();
        var version = new Option<string?>("--kubernetes-version") { Description = "New Kubernetes version (upgrade)" };
        var ha = new Option<bool?>("--ha", "--ha-control-plane") { Description = "Turn the HA control plane on (true) or off (false)" };
        var webhook = new Option<string?>("--webhook", "--preemption-webhook-url") { Description = "New webhook URL" };
        var labels = Cmd.Repeatable("--label", "Label key=value to set (repeatable)", "key=value");
        return Cmd.New("update", "Change a cloudspace (merge patch of the given fields)", [.. name.Symbols, version, ha, webhook, labels]).Runs(s, async (p, ct) =>
        {
            var update = new CloudspaceUpdate
            {
                KubernetesVersion = p.GetValue(version),
                HighAvailability = p.GetValue(ha),
                Webhook = p.GetValue(webhook),
                Labels = KeyValues.Parse(p.GetValue(labels), "--label"),
            };
            var json = JsonModels.ToNode(await s.Client.Cloudspaces.UpdateAsync(name.Get(p), update, ct).ConfigureAwait(false));
            s.Output.Write(json, () => Pairs(json));
        });
    }

    private static Command Delete(CliSession s)
    {
        var name = NameArg();
        var yes = Cmd.Yes();
        return Cmd.New("delete", "Delete a cloudspace and its node pools", [.. name.Symbols, yes]).Runs(s, async (p, ct) =>
        {
            var csName = name.Get(p);
            SpotNames.EnsureCloudspaceName(csName);
            s.Confirm($"Delete cloudspace '{csName}' and all its node pools", p.GetValue(yes), name.GivenAsArgument(p));
            var status = await s.Client.Cloudspaces.DeleteAsync(csName, ct).ConfigureAwait(false);
            s.Output.Write(new JsonShapes(() => StatusJson("cloudspace", csName, status), () => PythonStatus(status)), () => TableView.Pairs([("deleted", "cloudspace " + csName), ("status", status?.StatusProp ?? "Success")]));
            await Cloudspaces.ExecKubeconfig.OfferContextRemovalAsync(s, csName, p.GetValue(yes), ct).ConfigureAwait(false);
        });
    }

    /// <summary>What the Python rsspot prints for a delete: the API's Status as it came (null when the answer had no body).</summary>
    internal static JsonNode? PythonStatus(Generated.Api.Models.Status? status) => status is null ? null : ApiTimestamps.Normalize(JsonModels.ToNode(status));

    internal static JsonObject StatusJson(string kind, string name, Generated.Api.Models.Status? status) => new()
    {
        ["deleted"] = kind,
        ["name"] = name,
        ["status"] = status is null ? null : JsonModels.ToNode(status),
    };

    private static Command GetConfig(CliSession s)
    {
        var name = NameArg();
        var file = new Option<string?>("--file", "-f") { Description = "Write the kubeconfig here (mode 0600) instead of stdout; with --name (spotctl's form) the default is <name>.yaml", HelpName = "path" };
        var force = new Option<bool>("--force") { Description = "Replace --file if it exists" };
        var exec = new Cloudspaces.ExecKubeconfigOptions();
        return Cmd.New("get-config", "Print or save the kubeconfig of a cloudspace (a secret: --file writes it with mode 0600)", [.. name.Symbols, file, force, .. exec.Symbols]).Runs(s, async (p, ct) =>
        {
            var csName = name.Get(p);
            if (await exec.TryRunAsync(s, p, csName, p.GetValue(file), p.GetValue(force), ct).ConfigureAwait(false))
            {
                return;
            }

            if ((p.GetValue(file) ?? SpotctlDefaultFile(p, name, csName)) is { } path)
            {
                // What chose the path: the user's --file, or spotctl's `--name N` default of N.yaml.
                var chosenBy = p.GetValue(file) is null ? $"--name {csName} (writes {path})" : p.TypedName(file);
                if (string.IsNullOrWhiteSpace(path))
                {
                    throw new CliUsageException($"{p.TypedName(file)}: give the path of the kubeconfig file to write (it was empty).");
                }

                if (Security.BoundedFile.KindOf(path) is Security.FileKind.Directory or Security.FileKind.Special)
                {
                    throw new CliUsageException($"{chosenBy}: '{path}' is a directory, FIFO or device; give the path of a file to write the kubeconfig to.");
                }

                if (File.Exists(path) && !p.GetValue(force))
                {
                    throw new CliUsageException(p.GetValue(file) is null
                        ? $"--name {csName}: writes the kubeconfig to '{path}' (spotctl's form), which already exists; pass --force to replace it, --file to choose another path, or give the name as an argument to print the kubeconfig."
                        : $"{p.TypedName(file)}: '{path}' already exists; pass --force to replace it.");
                }

                try
                {
                    await s.Client.Cloudspaces.WriteKubeconfigAsync(csName, path, overwrite: true, ct).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliUsageException($"{chosenBy}: {Security.ServerText.Clean(ex.Message).TrimEnd('.')}. Fix: give a path in a folder you can write.", ex);
                }

                var full = Path.GetFullPath(path);
                s.Output.Write(new JsonObject { ["cloudspace"] = csName, ["path"] = full, ["mode"] = "0600" }, () => TableView.Pairs([("cloudspace", csName), ("kubeconfig", full), ("mode", "0600")]));
                return;
            }

            // Without --file the user asked for the kubeconfig on stdout, whatever --output says; a terminal gets it cleaned.
            var kubeconfig = await s.Client.Cloudspaces.GetKubeconfigAsync(csName, ct).ConfigureAwait(false);
            s.Output.Raw(s.Terminal.StdoutIsTerminal ? TerminalText.CleanLines(kubeconfig) : kubeconfig);
        });
    }

    // spotctl's `get-config --name N` writes N.yaml when no --file is given; the positional form prints, as the Python rsspot does.
    private static string? SpotctlDefaultFile(ParseResult p, NameInput name, string csName)
    {
        if (name.GivenAsArgument(p))
        {
            return null;
        }

        SpotNames.EnsureCloudspaceName(csName);
        return csName + ".yaml";
    }

    private static Option<int> TimeoutOption() => new("--timeout") { Description = "Seconds to wait for Ready (default 1800)", DefaultValueFactory = _ => 1800 };

    private static Command SpecSchema(CliSession s) => Cmd.New(
        "spec-schema",
        """
        Print the JSON Schema of the 'cloudspaces create --file' spec format, for editors that validate YAML and JSON.

        Example:
          rsspot cloudspaces spec-schema > cloudspace-spec.schema.json
          # then, as the first line of a spec file:
          # yaml-language-server: $schema=./cloudspace-spec.schema.json
        """).Runs(s, _ => s.Output.Raw(CloudspaceSpecSchema.Text()));

    private static Command Wait(CliSession s)
    {
        var name = NameArg();
        var timeout = TimeoutOption();
        return Cmd.New("wait", "Wait until a cloudspace is Ready, showing each phase on stderr", [.. name.Symbols, timeout]).Runs(s, async (p, ct) =>
        {
            var json = JsonModels.ToNode(await WaitAsync(s, name.Get(p), p.GetValue(timeout), ct).ConfigureAwait(false));
            s.Output.Write(json, () => Pairs(json));
        });
    }

    /// <summary>
    /// The create, with what an interrupt leaves behind said in the last line: the SDK rolls back a cloudspace whose
    /// pools were cut short (on its own budget); one interrupted before that is looked up, so the line says whether it exists.
    /// </summary>
    private static async Task<CloudspaceCreation> CreateInterruptiblyAsync(CliSession s, CloudspaceCreateRequest request, CancellationToken ct)
    {
        var name = request.Name;
        if (s.Interrupts is { } interrupts)
        {
            interrupts.LeftBehind = $"cloudspace \"{name}\" may exist; check with 'rsspot cloudspaces get {name}', remove it with: {CreateCleanup.RemoveCommand(name)}";
        }

        try
        {
            return await s.Client.Cloudspaces.CreateAsync(request, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var phase = await LookAfterInterruptAsync(s, name).ConfigureAwait(false);
            throw new OperationCanceledException(phase switch
            {
                null => $"Interrupted before cloudspace \"{name}\" was created: the API shows no such cloudspace, so nothing is left behind.",
                { Length: 0 } => $"Interrupted while creating cloudspace \"{name}\": it may exist (the API could not be asked within {CreateCleanup.LookTimeout.TotalSeconds:0} s). Check with 'rsspot cloudspaces get {name}'; remove it with: {CreateCleanup.RemoveCommand(name)}",
                _ => $"Interrupted while creating cloudspace \"{name}\": it exists (phase {phase}). Remove it with: {CreateCleanup.RemoveCommand(name)}",
            });
        }
        finally
        {
            if (s.Interrupts is { } done)
            {
                done.LeftBehind = null;
            }
        }
    }

    /// <summary>The cloudspace's phase after an interrupt, on a budget of its own: null when it does not exist, empty when unknown.</summary>
    private static async Task<string?> LookAfterInterruptAsync(CliSession s, string name)
    {
        using var look = new CancellationTokenSource(CreateCleanup.LookTimeout);
        try
        {
            var cloudspace = await s.Client.Cloudspaces.GetAsync(name, look.Token).ConfigureAwait(false);
            return Security.ServerText.Clean(cloudspace.Status?.Phase) is { Length: > 0 } phase ? phase : "unknown";
        }
        catch (SpotApiException ex) when (ex.IsNotFound)
        {
            return null;
        }
        catch (Exception ex) when (ex is SpotException or OperationCanceledException or HttpRequestException)
        {
            return string.Empty;
        }
    }

    private static async Task<Generated.Api.Models.CloudSpace> WaitAsync(CliSession s, string name, int timeoutSeconds, CancellationToken ct)
    {
        if (timeoutSeconds < 1)
        {
            throw new CliUsageException($"--timeout: {timeoutSeconds} is invalid; give seconds, 1 or more.");
        }

        var started = DateTimeOffset.UtcNow;
        var progress = new InlineProgress<string>(phase => s.Err.WriteLine($"cloudspace {name}: {Security.ServerText.Clean(phase)} ({(DateTimeOffset.UtcNow - started).TotalSeconds:0} s)"));
        if (s.Interrupts is { } interrupts)
        {
            interrupts.LeftBehind = $"cloudspace \"{name}\" exists; wait again with: rsspot cloudspaces wait {name}";
        }

        try
        {
            return await s.Client.Cloudspaces.WaitUntilReadyAsync(name, TimeSpan.FromSeconds(timeoutSeconds), progress, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var phase = await LookAfterInterruptAsync(s, name).ConfigureAwait(false);
            throw new OperationCanceledException(phase switch
            {
                null => $"Stopped waiting: cloudspace \"{name}\" no longer exists.",
                { Length: 0 } => $"Stopped waiting: cloudspace \"{name}\" exists (its phase could not be read). Wait again with: rsspot cloudspaces wait {name}",
                _ => $"Stopped waiting: cloudspace \"{name}\" exists (phase {phase}). Wait again with: rsspot cloudspaces wait {name}",
            });
        }
        finally
        {
            if (s.Interrupts is { } done)
            {
                done.LeftBehind = null;
            }
        }
    }
}

/// <summary>An IProgress that reports on the caller's thread, in order (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
