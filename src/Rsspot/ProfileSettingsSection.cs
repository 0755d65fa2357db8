using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Rsspot.Configuration;

namespace Rsspot;

/// <summary>
/// Reads <see cref="RsspotOptions.Settings"/> from configuration with the config file's schema reader (the binder cannot
/// set the init-only profile record): any spelling of a profile key (<c>OperationTimeoutSeconds</c>,
/// <c>operation_timeout_seconds</c>) and the same checks and ranges as a profile in the config file.
/// </summary>
internal static class ProfileSettingsSection
{
    public static ProfileConfig? Read(IConfigurationSection section)
    {
        var values = new JsonObject();
        foreach (var child in section.GetChildren())
        {
            if (child.Value is not null)
            {
                values[child.Key] = child.Value;
            }
        }

        return values.Count == 0 ? null : new ConfigSchemaReader(filePath: null).ReadSettings(values, RsspotOptions.SectionName + ":" + section.Key);
    }
}
