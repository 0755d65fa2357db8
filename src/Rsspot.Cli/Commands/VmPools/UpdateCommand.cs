using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;
using Rsspot.Cli.Output;
using Rsspot.Services.Vm;

namespace Rsspot.Cli.Commands.VmPools;

/// <summary><c>vm-pools update</c>: the machine count and the bid.</summary>
internal static class UpdateCommand
{
    public static Command Create(CliSession s)
    {
        var name = VmPoolsCommand.NameArg();
        var desired = new Option<int?>("--desired") { Description = "New machine count (0 or more)" };
        var bid = VmPoolsCommand.BidPrice("New bid in USD per VM-hour (rounded to 0.001; at most the class's on-demand price unless --max-bid)");
        var maxBid = VmPoolsCommand.MaxBid();
        return Cmd.New(
            "update",
            """
            Change a VM pool's machine count or bid.

            Examples:
              rsspot vm-pools update 6f1c2d3e-1111-4a2b-9c3d-123456789abc --desired 5
              rsspot vmpools update --name 6f1c2d3e-1111-4a2b-9c3d-123456789abc --desired 5 --bidprice 0.05    # spotctl's spelling
            """,
            [.. name.Symbols, desired, bid, maxBid]).Runs(s, async (p, ct) =>
        {
            var poolName = name.Get(p);
            var count = p.GetValue(desired) is -1 ? null : p.GetValue(desired); // spotctl's "unset"
            var bidText = p.GetValue(bid);
            if (count is null && bidText is null)
            {
                throw new CliUsageException("at least one of --desired or --bidprice must be provided");
            }

            if (count < 0)
            {
                throw new CliUsageException($"--desired: {count} is invalid; give a whole number of machines, 0 or more.");
            }

            var update = new VmPoolUpdate
            {
                Desired = count,
                BidPrice = bidText is null ? null : VmPoolSpecs.Bid(bidText, p.TypedName(bid), s.Err),
                MaxBid = GuardFlags.Usd(p.TypedName(maxBid), p.GetValue(maxBid)),
            };
            var pool = await s.Client.VmPools.UpdateAsync(poolName, update, ct).ConfigureAwait(false);
            if (s.Output.PrintsSpotctlShape)
            {
                VmOutput.SpotctlLine(s, $"✓ VM pool '{poolName}' updated successfully");
                return;
            }

            var json = VmOutput.Node(pool);
            s.Output.Write(json, () => VmPoolsCommand.Pairs(json));
        });
    }
}
