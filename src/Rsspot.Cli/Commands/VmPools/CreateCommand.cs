using System.CommandLine;
using System.Globalization;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Commands.VmPools;

/// <summary><c>vm-pools create</c>: a pool named by a new UUID, its bid checked against the class's ceiling.</summary>
internal static class CreateCommand
{
    private const string UserDataFlag = "--vm-userdata";
    private const string ScriptFlag = "--vm-userdata-from-script";

    public static Command Create(CliSession s)
    {
        var vmCloudspace = new Option<string?>("--vmcloudspace", "--vm-cloudspace") { Description = "The VM cloudspace the pool joins (required)", HelpName = "name" };
        var serverClass = new Option<string?>("--serverclass", "--server-class") { Description = "Server class, e.g. gp.vs1.medium-ord (required)", HelpName = "class" };
        var bid = VmPoolsCommand.BidPrice("Bid in USD per VM-hour, e.g. 0.02 (required; rounded to 0.001; at most the class's on-demand price unless --max-bid)");
        var desired = new Option<int>("--desired") { Description = "Machines wanted (default 1)", DefaultValueFactory = _ => 1 };
        var poolType = new Option<string>("--pooltype", "--pool-type") { Description = "spot or ondemand (default spot)", DefaultValueFactory = _ => "spot" };
        poolType.CompletionSources.Add("spot", "ondemand");
        var image = new Option<string>("--vmimage", "--vm-image") { Description = "VM image (default ubuntu24.04)", DefaultValueFactory = _ => "ubuntu24.04" };
        var userData = new Option<string?>(UserDataFlag) { Description = "Cloud-init user data (base64-encoded unless it already is)", HelpName = "text" };
        var script = new Option<string?>(ScriptFlag) { Description = "Cloud-init user data from a script file", HelpName = "path" };
        var name = new Option<string?>("--name") { Description = "Pool name, a lower-case UUID (default: a new one)", HelpName = "uuid" };
        var maxBid = VmPoolsCommand.MaxBid();
        return Cmd.New(
            "create",
            """
            Create a VM pool in a VM cloudspace; it is named by a new UUID.

            Examples:
              rsspot vm-pools create --vm-cloudspace my-vm-cs --server-class gp.vs1.medium-ord --bid-price 0.02 --desired 3
              rsspot vmpools create --vmcloudspace my-vm-cs --serverclass gp.vs1.medium-ord --bidprice 0.05 --desired 2 \
                --pooltype spot --vmimage ubuntu24.04 --vm-userdata '#!/bin/bash\napt-get update && apt-get install -y nginx'   # spotctl's spelling and output
            """,
            vmCloudspace, serverClass, bid, desired, poolType, image, userData, script, name, maxBid).Runs(s, async (p, ct) =>
        {
            var cs = p.GetValue(vmCloudspace) ?? throw new CliUsageException("--vmcloudspace: give the VM cloudspace the pool joins.");
            var cls = p.GetValue(serverClass) ?? throw new CliUsageException("--serverclass: give the server class of the pool's machines.");
            var bidText = p.GetValue(bid) ?? throw new CliUsageException("--bidprice: give the bid in USD per VM-hour, e.g. 0.02.");
            if (p.GetValue(desired) < 0)
            {
                throw new CliUsageException($"--desired: {p.GetValue(desired)} is invalid; give a whole number of machines, 0 or more.");
            }

            var data = VmPoolSpecs.UserData(p.GetValue(userData), p.GetValue(script), UserDataFlag, ScriptFlag);
            var request = new VmPoolRequest(cs, cls, VmPoolSpecs.Bid(bidText, p.TypedName(bid), s.Err))
            {
                Name = p.GetValue(name),
                Desired = p.GetValue(desired),
                PoolType = VmPoolSpecs.PoolType(p.GetValue(poolType)!, p.TypedName(poolType)),
                Image = p.GetValue(image),
                UserData = data,
                MaxBid = GuardFlags.Usd(p.TypedName(maxBid), p.GetValue(maxBid)),
            };
            var pool = await s.Client.VmPools.CreateAsync(request, ct).ConfigureAwait(false);
            if (s.Output.PrintsSpotctlShape)
            {
                var lines = new List<string>
                {
                    $"✓ Successfully created VM pool in VM cloudspace {cs}",
                    $" VMPool Name: {pool.Metadata?.Name}",
                    $"  Server Class: {cls}",
                    $"  Bid Price: {pool.Spec?.BidPrice ?? Services.BidPrice.Format(request.BidPrice)}",
                    $"  Desired: {request.Desired.ToString(CultureInfo.InvariantCulture)}",
                    $"  Pool Type: {p.GetValue(poolType)}",
                    $"  VM Image: {request.Image}",
                };
                if (data is not null)
                {
                    lines.Add("  VM UserData: provided (base64-encoded)");
                }

                VmOutput.SpotctlLine(s, string.Join('\n', lines));
                return;
            }

            var json = VmOutput.Node(pool);
            s.Output.Write(json, () => VmPoolsCommand.Pairs(json));
        });
    }
}
