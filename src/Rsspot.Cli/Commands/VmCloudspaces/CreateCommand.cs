using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Cli.Output.Spotctl;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Commands.VmCloudspaces;

/// <summary><c>vm-cloudspaces create</c>, with inline VM pools and cloud-init user data as spotctl takes them.</summary>
internal static class CreateCommand
{
    private const string PoolFlag = "--vm-pool";
    private const string UserDataFlag = "--vm-userdata";
    private const string ScriptFlag = "--vm-userdata-from-script";

    public static Command Create(CliSession s)
    {
        var name = VmCloudspacesCommand.NameArg();
        var key = new Option<string?>("--vm-ssh-key-name", "--ssh-key") { Description = "The VM SSH key its machines accept", HelpName = "name" };
        var keyNamespace = new Option<string?>("--vm-ssh-key-namespace") { Description = "Namespace of the SSH key (default: the organization's)", HelpName = "namespace" };
        var webhook = new Option<string?>("--webhook") { Description = "Preemption webhook URL", HelpName = "url" };
        var pools = Cmd.Repeatable(PoolFlag, "VM pool: serverclass=gp.vs1.medium-ord,bidprice=0.02,desired=1,pooltype=spot,vmimage=ubuntu24.04 (or the same as JSON; repeatable)", "spec");
        var userData = new Option<string?>(UserDataFlag) { Description = "Cloud-init user data for the inline pools (base64-encoded unless it already is)", HelpName = "text" };
        var script = new Option<string?>(ScriptFlag) { Description = "Cloud-init user data for the inline pools from a script file", HelpName = "path" };
        var config = new Option<string?>("--config") { Description = "spotctl's VM cloudspace file (.yaml/.yml/.json: vmCloudSpace and vmPools); flags other than the user data are then ignored", HelpName = "file" };
        var maxBid = new Option<string?>("--max-bid") { Description = "Allow bids up to this USD per VM-hour (replaces the default ceiling, each class's on-demand price)", HelpName = "usd" };
        var keep = new Option<bool>("--keep-on-failure") { Description = "Keep the VM cloudspace when one of its pools fails (by default it is deleted again)" };
        var wait = new Option<bool>("--wait") { Description = "Wait until it is Ready with an address for every machine, showing each phase" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait with --wait (default 1800)", DefaultValueFactory = _ => 1800 };
        return Cmd.New(
            "create",
            """
            Create a VM cloudspace, optionally with VM pools; a pool that fails deletes the VM cloudspace again.
            --region (or the profile's region) names its region.

            Examples:
              rsspot vm-cloudspaces create my-vm-cs --region us-central-ord-1 --ssh-key my-ssh-key --vm-pool serverclass=gp.vs1.medium-ord,bidprice=0.02,desired=1 --wait
              rsspot vmcloudspaces create --name my-vm-cs --region us-central-ord-1 --vm-ssh-key-name my-ssh-key \
                --vm-pool "serverclass=gp.vs1.medium-ord,bidprice=0.02,desired=3,pooltype=spot,vmimage=ubuntu24.04" \
                --vm-userdata-from-script ./cloud-init.sh          # spotctl's spelling and output
              rsspot vmcloudspaces create --config vm-cloudspace.yaml
            """,
            [.. name.Symbols, key, keyNamespace, webhook, pools, userData, script, config, maxBid, keep, wait, timeout]).Runs(s, async (p, ct) =>
        {
            var data = VmPoolSpecs.UserData(p.GetValue(userData), p.GetValue(script), UserDataFlag, ScriptFlag);
            var ceiling = GuardFlags.Usd(p.TypedName(maxBid), p.GetValue(maxBid));
            var request = p.GetValue(config) is { } path
                ? FromConfig(s, VmCloudspaceConfigFile.Load(path, p.TypedName(config)), data, ceiling, p.TypedName(config))
                : FromFlags(s, p, name, key, keyNamespace, webhook, pools, data, ceiling);
            request = request with { KeepOnFailure = p.GetValue(keep) };

            var created = await CreateInterruptiblyAsync(s, request, ct).ConfigureAwait(false);
            var cloudspace = p.GetValue(wait)
                ? await s.Client.VmCloudspaces.WaitUntilReadyAsync(request.Name, TimeSpan.FromSeconds(p.GetValue(timeout)), new Progress<string>(phase => s.Err.WriteLine($"VM cloudspace {request.Name}: {Security.ServerText.Clean(phase)}")), ct).ConfigureAwait(false)
                : await s.Client.VmCloudspaces.GetAsync(request.Name, ct).ConfigureAwait(false);
            if (s.Output.PrintsSpotctlShape)
            {
                VmOutput.SpotctlLine(s, $"\n✓ Successfully created VM cloudspace {request.Name} in region {request.Region}");
                var org = VmOutput.Org(s);
                s.Output.Write(new JsonShapes(() => null, Spotctl: () => SpotctlVmShapes.Cloudspace(VmOutput.Node(cloudspace), created.Pools.Select(VmOutput.Node), org)), () => new TableView());
                return;
            }

            var json = new JsonObject { ["vmCloudspace"] = VmOutput.Node(cloudspace), ["vmPools"] = JsonModels.ToArray(created.Pools) };
            s.Output.Write(json, () =>
            {
                var table = new TableView("KIND", "NAME", "SERVER CLASS", "DESIRED", "BID", "TYPE");
                table.Add("vm cloudspace", request.Name, string.Empty, string.Empty, string.Empty, string.Empty);
                foreach (var pool in created.Pools.Select(VmPoolSummary.From))
                {
                    table.Add("vm pool", pool.Name, pool.ServerClass, pool.Desired?.ToString(System.Globalization.CultureInfo.InvariantCulture), Prices.Table(pool.BidPrice), pool.PoolType);
                }

                return table;
            });
        });
    }

    private static VmCloudspaceCreateRequest FromFlags(CliSession s, ParseResult p, NameInput name, Option<string?> key, Option<string?> keyNamespace, Option<string?> webhook, Option<string[]> pools, VmUserData? data, decimal? ceiling)
    {
        var csName = name.Find(p) ?? throw new CliUsageException("--name: give the VM cloudspace name (as an argument or with --name).");
        var region = s.Region ?? s.Client.Profile.Region ?? throw new CliUsageException("--region: the VM cloudspace needs a region (flag, or the profile's region).");
        var sshKey = p.GetValue(key) ?? throw new CliUsageException("--vm-ssh-key-name: give the VM SSH key its machines accept (create one with 'rsspot vmsshkeys create').");
        var inline = (p.GetValue(pools) ?? []).Select(t => VmPoolSpecs.Parse(PoolSpecs.Fields(t, PoolFlag), csName, data, PoolFlag, s.Err) with { MaxBid = ceiling }).ToList();
        return new VmCloudspaceCreateRequest(csName, region, sshKey)
        {
            SshKeyNamespace = p.GetValue(keyNamespace),
            Webhook = p.GetValue(webhook),
            Pools = inline,
        };
    }

    private static VmCloudspaceCreateRequest FromConfig(CliSession s, VmCloudspaceConfigFile file, VmUserData? data, decimal? ceiling, string flag)
    {
        var csName = file.Name ?? throw new CliUsageException($"{flag}: 'vmCloudSpace.name' is required.");
        var region = file.Region ?? s.Region ?? s.Client.Profile.Region ?? throw new CliUsageException($"{flag}: 'vmCloudSpace.region' is required (or --region, or the profile's region).");
        var sshKey = file.SshKey ?? throw new CliUsageException($"{flag}: 'vmCloudSpace.vmSshKeyRef.name' is required.");
        if (file.Org is { Length: > 0 } org && !string.Equals(org, ApiAnswers.OrgName(s), StringComparison.Ordinal) && !string.Equals(org, s.Client.Profile.OrgId, StringComparison.Ordinal))
        {
            throw new CliUsageException($"{flag}: the file names organization '{org}', but rsspot is using '{ApiAnswers.OrgName(s)}'; pass --org {org} to create it there.");
        }

        return new VmCloudspaceCreateRequest(csName, region, sshKey)
        {
            SshKeyNamespace = file.SshKeyNamespace,
            Webhook = file.Webhook,
            Pools = [.. file.Pools.Select(fields => VmPoolSpecs.Parse(fields, csName, data, $"{flag} vmPools", s.Err) with { MaxBid = ceiling })],
        };
    }

    // The SDK rolls back a VM cloudspace whose pools were cut short; the last line says what an interrupt left.
    private static async Task<VmCloudspaceCreation> CreateInterruptiblyAsync(CliSession s, VmCloudspaceCreateRequest request, CancellationToken ct)
    {
        if (s.Interrupts is { } interrupts)
        {
            interrupts.LeftBehind = $"VM cloudspace \"{request.Name}\" may exist; check with 'rsspot vm-cloudspaces get {request.Name}', remove it with: rsspot vm-cloudspaces delete {request.Name} --yes";
        }

        try
        {
            return await s.Client.VmCloudspaces.CreateAsync(request, ct).ConfigureAwait(false);
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
