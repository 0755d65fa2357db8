using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Postgres;
using Rsspot.Services;
using Rsspot.Workflows;

namespace Rsspot.Cli.Commands.Registration;

/// <summary>What the registration verbs share: the ledger they work on, the VMs they look at and their common flags.</summary>
internal static class LedgerAccess
{
    private const string PostgresVariable = "RSSPOT_LEDGER_POSTGRES";

    /// <summary>The statuses, in the order the help and the errors name them.</summary>
    public const string StatusNames = "discovered, token_issued, submitted, registered, failed or skipped";

    public static readonly string[] Statuses = ["discovered", "token_issued", "submitted", "registered", "failed", "skipped"];

    public static Option<string?> OmniCluster() => new("--omni-cluster") { Description = "External cluster the VMs join (part of the registration key)" };

    public static Option<string?> Postgres() => new("--postgres")
    {
        Description = $"Use the shared ledger in PostgreSQL (an Npgsql connection string) instead of state.db; default: env {PostgresVariable}",
    };

    /// <summary>Runs <paramref name="action"/> on the workflow over the ledger the command names: PostgreSQL, or state.db.</summary>
    public static async Task<T> WithWorkflowAsync<T>(CliSession session, string? postgres, Func<RegistrationWorkflow, Task<T>> action, CancellationToken ct)
    {
        var connectionString = postgres ?? (session.Environment.Get(PostgresVariable) is { Length: > 0 } fromEnv ? fromEnv : null);
        if (connectionString is not null)
        {
            await using var ledger = await PostgresRegistrationLedger.OpenAsync(connectionString, cancellationToken: ct).ConfigureAwait(false);
            return await action(new RegistrationWorkflow(ledger)).ConfigureAwait(false);
        }

        using var store = session.OpenState();
        return await action(new RegistrationWorkflow(store)).ConfigureAwait(false);
    }

    /// <summary>The organization and its VM cloudspaces with their assigned VMs, as the workflow reads them.</summary>
    public static async Task<(string OrgId, List<VmCloudspaceSnapshot> Snapshots)> SnapshotAsync(CliSession session, CancellationToken ct)
    {
        var org = await session.Client.GetOrganizationAsync(ct).ConfigureAwait(false);
        var cloudspaces = await session.Client.Inventory.ListVmCloudspacesAsync(ct).ConfigureAwait(false);
        var snapshots = cloudspaces.Select(cs => new VmCloudspaceSnapshot(
            cs.Metadata?.Name ?? string.Empty,
            [.. InventoryService.AssignedVms(cs).Select(vm => new Workflows.AssignedVm(vm.Key, vm.ServerName, vm.DisplayName, vm.NodePoolName))])).ToList();
        return (org.Id, snapshots);
    }

    /// <summary>A status given as <paramref name="what"/>, or a usage error naming the statuses.</summary>
    public static RegistrationStatus ParseStatus(string? text, string what) =>
        RegistrationStatusText.TryParse(text, out var status)
            ? status
            : throw new CliUsageException($"{what}: '{text}' is not a status; use {StatusNames}.");
}
