using System.Text.RegularExpressions;

namespace Rsspot.Configuration;

/// <summary>The file formats a config file may use.</summary>
public enum ConfigFormat
{
    /// <summary>YAML (<c>.yml</c>, <c>.yaml</c>).</summary>
    Yaml,

    /// <summary>JSON (<c>.json</c>).</summary>
    Json,

    /// <summary>TOML (<c>.toml</c>).</summary>
    Toml,
}
