using System.Globalization;
using System.Text.Json.Nodes;
using Rsspot.Security;

namespace Rsspot.Configuration;

/// <summary>The outcome of a legacy migration.</summary>
/// <param name="TargetPath">The new config file.</param>
/// <param name="Written">Whether the new file was written (false when it already had the same content).</param>
/// <param name="BackupPath">The backup of a replaced file, if one was made.</param>
public sealed record LegacyMigrationResult(string TargetPath, bool Written, string? BackupPath);
