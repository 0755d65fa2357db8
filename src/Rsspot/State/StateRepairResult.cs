using System.Globalization;
using Microsoft.Data.Sqlite;
using Rsspot.Security;

namespace Rsspot.State;

/// <summary>What <see cref="StateMaintenance.Repair"/> did.</summary>
/// <param name="Path">The state database.</param>
/// <param name="MovedAsidePath">Where the damaged file was moved, or <see langword="null"/> when there was none.</param>
/// <param name="Salvaged">Rows copied into the new database, per table.</param>
/// <param name="Lost">Tables that could not be read (their rows are only in the moved-aside file).</param>
public sealed record StateRepairResult(string Path, string? MovedAsidePath, IReadOnlyDictionary<string, long> Salvaged, IReadOnlyList<string> Lost);
