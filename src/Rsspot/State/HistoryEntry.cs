using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>One recorded command.</summary>
/// <param name="Id">Row id (increasing).</param>
/// <param name="Command">The command path, e.g. <c>cloudspaces list</c>.</param>
/// <param name="Args">The arguments, as the caller recorded them (redacted by the caller).</param>
/// <param name="At">When it ran.</param>
/// <param name="Duration">How long it took, or <see langword="null"/> for a command the Python rsspot recorded.</param>
public sealed record HistoryEntry(long Id, string Command, IReadOnlyList<string> Args, DateTimeOffset At, TimeSpan? Duration)
{
    /// <summary>The rsspot tool's exit code, or <see langword="null"/> for a command the Python rsspot (or the SDK) recorded.</summary>
    internal int? ExitCode { get; init; }

    /// <summary>The profile the command ran with, when recorded.</summary>
    public string? Profile { get; init; }

    /// <summary>The organization the command ran against, when recorded.</summary>
    public string? Org { get; init; }

    /// <summary>The region the command ran against, when recorded.</summary>
    public string? Region { get; init; }
}
