using System.CommandLine;
using System.Text.Json.Nodes;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Output;
using Rsspot.Generated.Api.Models;

namespace Rsspot.Cli.Commands.VmCloudspaces;

/// <summary><c>vm-cloudspaces list|get|create|update|delete</c> (spotctl: <c>vmcloudspaces</c>, <c>vmcloudspace</c>, <c>vmcs</c>).</summary>
internal static class VmCloudspacesCommand
{
    public static Command Create(CliSession s) => Cmd.Group(
        "vm-cloudspaces",
        "VM cloudspaces: groups of plain virtual machines sharing an SSH key (spotctl: vmcloudspaces, vmcs)",
        ListCommand.Create(s),
        GetCommand.Create(s),
        CreateCommand.Create(s),
        UpdateCommand.Create(s),
        DeleteCommand.Create(s));

    internal static NameInput NameArg() => new("name", "VM cloudspace name");

    internal static TableView Pairs(JsonNode json) => TableView.Pairs(
    [
        ("name", JsonModels.Text(json, "metadata.name")),
        ("region", JsonModels.Text(json, "spec.region")),
        ("phase", JsonModels.Text(json, "status.phase")),
        ("health", JsonModels.Text(json, "status.health")),
        ("ssh_key", JsonModels.Text(json, "spec.vmSshKeyRef.name")),
        ("webhook", JsonModels.Text(json, "spec.webhook")),
        ("servers", (json["status"]?["assignedServers"] as JsonObject)?.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"),
        ("created", JsonModels.Text(json, "metadata.creationTimestamp")),
    ]);

    /// <summary>The pools of each VM cloudspace, by its name (one list call, where the Go SDK makes one per cloudspace).</summary>
    internal static async Task<ILookup<string, VmPool>> PoolsByCloudspaceAsync(CliSession s, string? vmCloudspace, CancellationToken ct) =>
        (await s.Client.VmPools.ListAsync(vmCloudspace, ct).ConfigureAwait(false)).ToLookup(p => p.Spec?.VmCloudSpace ?? string.Empty, StringComparer.Ordinal);
}
