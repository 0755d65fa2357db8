namespace Rsspot.Configuration;

/// <summary>Preferences saved by <c>rsspot config set-default-*</c>.</summary>
public sealed record PreferencesConfig
{
    /// <summary>Preferred default profile.</summary>
    public string? DefaultProfile { get; init; }

    /// <summary>Org used when a profile names none.</summary>
    public string? DefaultOrg { get; init; }

    /// <summary>Region used when a profile names none.</summary>
    public string? DefaultRegion { get; init; }

    /// <summary>Preferred org per profile name.</summary>
    public IReadOnlyDictionary<string, string> ProfileOrgs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Preferred region per profile name.</summary>
    public IReadOnlyDictionary<string, string> ProfileRegions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
