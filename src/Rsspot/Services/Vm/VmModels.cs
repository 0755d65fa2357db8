namespace Rsspot.Services.Vm;

/// <summary>The API's names of the VM kinds.</summary>
internal static class VmModels
{
    public const string ApiVersion = "ngpc.rxt.io/v1";
    public const string SshKeyKind = "VMSSHKey";
    public const string CloudspaceKind = "VMCloudSpace";
    public const string PoolKind = "VMPool";

    /// <summary>The image spotctl gives a VM pool when none is named.</summary>
    public const string DefaultImage = "ubuntu24.04";

    /// <summary>A VM bid as spotctl writes it: exactly three decimals (0.02 becomes "0.020").</summary>
    public static string WireBid(decimal bid) => bid.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
}
