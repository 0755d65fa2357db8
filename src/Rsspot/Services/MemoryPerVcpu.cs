namespace Rsspot.Services;

/// <summary>GB of memory per vCPU of each node of an autopilot pool: the four values the API accepts.</summary>
public enum MemoryPerVcpu
{
    /// <summary>Any ratio (the API's default, <c>any</c>).</summary>
    Any = 0,

    /// <summary>About 2 GB per vCPU (compute-heavy classes), <c>2</c>.</summary>
    Gb2 = 2,

    /// <summary>About 4 GB per vCPU (general-purpose classes), <c>4</c>.</summary>
    Gb4 = 4,

    /// <summary>About 8 GB per vCPU (memory-heavy classes), <c>8</c>.</summary>
    Gb8 = 8,
}
