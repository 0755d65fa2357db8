using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;

namespace Rsspot.Cli.Commands.VmPools;

/// <summary><c>vm-pools list|get|create|update|delete</c> (spotctl: <c>vmpools</c>, <c>vmpool</c>, <c>vmp</c>).</summary>
internal static class VmPoolsCommand
{
    public static Command Create(CliSession s) => Cmd.Group(
        "vm-pools",
        "VM pools: machines of one server class in a VM cloudspace, won with a bid (spotctl: vmpools, vmp)",
        ListCommand.Create(s),
        GetCommand.Create(s),
        CreateCommand.Create(s),
        UpdateCommand.Create(s),
        DeleteCommand.Create(s));

    internal static NameInput NameArg() => new("name", "VM pool name (a UUID)");

    internal static Option<string?> MaxBid() => new("--max-bid") { Description = "Allow a bid up to this USD per VM-hour (replaces the default ceiling, the class's on-demand price, and the profile's max_bid)", HelpName = "usd" };

    internal static Option<string?> BidPrice(string description) => new("--bidprice", "--bid-price") { Description = description, HelpName = "usd" };

    internal static TableView Pairs(JsonNode json) => TableView.Pairs(
    [
        ("name", JsonModels.Text(json, "metadata.name")),
        ("vm_cloudspace", JsonModels.Text(json, "spec.vmCloudSpace")),
        ("server_class", JsonModels.Text(json, "spec.serverClass")),
        ("pool_type", JsonModels.Text(json, "spec.poolType")),
        ("desired", JsonModels.Text(json, "spec.desired")),
        ("bid_price", Prices.Table(JsonModels.Text(json, "spec.bidPrice"))),
        ("bid_status", JsonModels.Text(json, "status.bidStatus")),
        ("won", JsonModels.Text(json, "status.wonCount")),
        ("vm_image", JsonModels.Text(json, "spec.vmImage")),
        ("user_data", JsonModels.Text(json, "spec.vmUserData").Length > 0 ? "provided (base64-encoded)" : string.Empty),
    ]);
}
