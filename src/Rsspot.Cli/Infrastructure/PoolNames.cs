using System.Text.RegularExpressions;

namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// A node pool named as typed: its full lower-case UUID, or a unique prefix of it (at least 4 characters, as git
/// takes commit ids), looked up among the pools (of <c>--cloudspace</c> when given). A full name with
/// <c>--cloudspace</c> is checked to belong to that cloudspace.
/// </summary>
internal static partial class PoolNames
{
    private const int ShortestPrefix = 4;

    public static async Task<string> ResolveAsync(CliSession s, bool spot, string typed, string? cloudspace, CancellationToken ct)
    {
        var full = FullUuid().IsMatch(typed);
        if (full && cloudspace is null)
        {
            return typed;
        }

        if (!full && (typed.Length < ShortestPrefix || !Prefix().IsMatch(typed)))
        {
            // Not a UUID nor a usable prefix: the SDK's own check says what a pool name looks like.
            Services.SpotNames.EnsurePoolName(typed);
        }

        var pools = spot
            ? (await s.Client.SpotNodePools.ListAsync(cloudspace, ct).ConfigureAwait(false)).Select(p => p.Metadata?.Name)
            : (await s.Client.OnDemandNodePools.ListAsync(cloudspace, ct).ConfigureAwait(false)).Select(p => p.Metadata?.Name);
        var matches = pools.OfType<string>().Where(n => n.StartsWith(typed, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var where = cloudspace is null ? string.Empty : $" of cloudspace '{cloudspace}'";
        var noun = spot ? "spot pool" : "on-demand pool";
        return matches switch
        {
            [var only] => only,
            [] when full => throw new CliUsageException($"--cloudspace: {noun} '{typed}' is not one{where}."),
            [] => throw new CliUsageException($"<name>: no {noun}{where} has a name starting with '{typed}'; a pool's name is a lower-case UUID (or a unique start of one, 4 characters or more)."),
            _ => throw new CliUsageException($"<name>: '{typed}' starts the names of {matches.Count} {noun}s{where} ({string.Join(", ", matches.Take(5))}{(matches.Count > 5 ? ", ..." : string.Empty)}); type more of it."),
        };
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex FullUuid();

    [GeneratedRegex("^[0-9a-f][0-9a-f-]*$")]
    private static partial Regex Prefix();
}
