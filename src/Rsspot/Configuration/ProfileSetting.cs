namespace Rsspot.Configuration;

/// <summary>
/// One scalar setting of a profile: its config file key, the environment variables that override it, how its value
/// is read, and how it is taken from and put into a <see cref="ProfileConfig"/>. The schema reader, the environment
/// overlay, the writer and the printed pairs all iterate <see cref="ProfileSettingTable.All"/>.
/// </summary>
/// <param name="Key">The canonical snake_case key in the config file.</param>
/// <param name="Environment">The environment variables (first set wins), or none.</param>
/// <param name="Kind">How the value is read.</param>
/// <param name="Get">The value in a profile (boxed), or null when unset.</param>
/// <param name="With">The profile with the value set (null unsets it).</param>
internal sealed record ProfileSetting(
    string Key,
    IReadOnlyList<string> Environment,
    ProfileSettingKind Kind,
    Func<ProfileConfig, object?> Get,
    Func<ProfileConfig, object?, ProfileConfig> With)
{
    /// <summary>The smallest accepted number.</summary>
    public double Min { get; init; } = double.MinValue;

    /// <summary>The largest accepted number.</summary>
    public double Max { get; init; } = double.MaxValue;

    /// <summary>How the resolved value is printed (secrets masked); null keeps the setting out of the printed pairs.</summary>
    public Func<EffectiveProfile, string?>? Shown { get; init; }
}
