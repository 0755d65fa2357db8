namespace Rsspot.Emulator.State;

/// <summary>A namespaced resource type of the <c>ngpc.rxt.io/v1</c> API.</summary>
/// <param name="Plural">The path segment.</param>
/// <param name="Kind">The <c>kind</c> the API writes.</param>
/// <param name="SchemaName">The spec's schema of the object, when it differs from <paramref name="Kind"/>.</param>
internal sealed record ResourceKind(string Plural, string Kind, string? SchemaName = null)
{
    public const string ApiVersion = "ngpc.rxt.io/v1";
    public const string CloudSpaceLabel = "ngpc.rxt.io/cloudspace";
    public const string VmCloudSpaceLabel = "ngpc.rxt.io/vmcloudspace";

    public static readonly ResourceKind CloudSpace = new("cloudspaces", "CloudSpace");
    public static readonly ResourceKind SpotNodePool = new("spotnodepools", "SpotNodePool");
    public static readonly ResourceKind OnDemandNodePool = new("ondemandnodepools", "OnDemandNodePool");
    public static readonly ResourceKind AutopilotNodePool = new("autopilotnodepools", "AutopilotNodePool");
    public static readonly ResourceKind VmSshKey = new("vmsshkeys", "VMSSHKey", "VmSshKey");
    public static readonly ResourceKind VmCloudSpace = new("vmcloudspaces", "VMCloudSpace", "VmCloudSpace");
    public static readonly ResourceKind VmPool = new("vmpools", "VMPool", "VmPool");

    public static IReadOnlyList<ResourceKind> All { get; } = [CloudSpace, SpotNodePool, OnDemandNodePool, AutopilotNodePool, VmSshKey, VmCloudSpace, VmPool];

    /// <summary>The spec schema that validates the object.</summary>
    public string Schema => SchemaName ?? Kind;

    /// <summary>True for the VM kinds (VM SSH keys, VM cloudspaces, VM pools).</summary>
    public bool IsVm => this == VmSshKey || this == VmCloudSpace || this == VmPool;

    public string ListKind => Kind + "List";

    public static ResourceKind? FromPlural(string plural) => All.FirstOrDefault(k => k.Plural == plural);
}
