using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Rsspot.State;

/// <summary>A summary of the history table for <c>rsspot config history info</c>.</summary>
/// <param name="Count">Entries stored.</param>
/// <param name="Oldest">Time of the oldest entry.</param>
/// <param name="Newest">Time of the newest entry.</param>
/// <param name="DatabasePath">The state.db path (or <c>:memory:</c>).</param>
/// <param name="Limit">How many entries are kept.</param>
public sealed record HistoryInfo(int Count, DateTimeOffset? Oldest, DateTimeOffset? Newest, string DatabasePath, int Limit);
