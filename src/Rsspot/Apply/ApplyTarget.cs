namespace Rsspot.Apply;

/// <summary>What a planned change is about.</summary>
public enum ApplyTarget
{
    /// <summary>A cloudspace.</summary>
    Cloudspace,

    /// <summary>A spot node pool.</summary>
    SpotPool,

    /// <summary>An on-demand node pool.</summary>
    OnDemandPool,
}
