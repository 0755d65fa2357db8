namespace Rsspot.Emulator.State;

/// <summary>A namespaced resource type of the <c>ngpc.rxt.io/v1</c> API.</summary>
internal sealed record ResourceKind(string Plural, string Kind)
{
    public const string ApiVersion = "ngpc.rxt.io/v1";
    public const string CloudSpaceLabel = "ngpc.rxt.io/cloudspace";
    public const string VmCloudSpaceLabel = "ngpc.rxt.io/vmcloudspace";

    public static readonly ResourceKind CloudSpace = new("cloudspaces", "CloudSpace");
    public static readonly ResourceKind SpotNodePool = new("spotnodepools", "SpotNodePool");
    public static readonly ResourceKind OnDemandNodePool = new("ondemandnodepools", "OnDemandNodePool");
    public static readonly ResourceKind AutopilotNodePool = new("autopilotnodepools", "AutopilotNodePool");
    public static readonly ResourceKind VmCloudSpace = new("vmcloudspaces", "VmCloudSpace");
    public static readonly ResourceKind VmPool = new("vmpools", "VmPool");

    public static IReadOnlyList<ResourceKind> All { get; } = [CloudSpace, SpotNodePool, OnDemandNodePool, AutopilotNodePool, VmCloudSpace, VmPool];

    public string ListKind => Kind + "List";

    public static ResourceKind? FromPlural(string plural) => All.FirstOrDefault(k => k.Plural == plural);
}
