using System.Text.Json.Nodes;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// Which profiles of the config file a server may use. It is pinned to its own profile; read tools take a
/// <c>profile</c> argument only for the profiles the operator allowed (or any, with <c>*</c>), and write tools only
/// for the profiles the operator allowed writes to. The allowed names are an enum in each tool's schema, so an
/// agent sees them and a call naming another profile is refused before anything is sent.
/// </summary>
internal sealed class ProfileAccess
{
    public const string Any = "*";

    private readonly IReadOnlyList<string> _reads;
    private readonly IReadOnlyList<string> _writes;

    /// <param name="own">The profile the server was started for.</param>
    /// <param name="reads">Other profiles read tools may use (<see cref="Any"/>: every profile of the config file).</param>
    /// <param name="writes">Other profiles write tools may use (names only).</param>
    public ProfileAccess(string own, IEnumerable<string> reads, IEnumerable<string> writes)
    {
        Own = own;
        _writes = [.. writes.Where(w => w != own).Distinct(StringComparer.Ordinal)];
        var readList = reads.Distinct(StringComparer.Ordinal).ToList();
        AnyForReads = readList.Contains(Any);
        _reads = [.. readList.Where(r => r != Any && r != own).Concat(_writes).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The server's own profile.</summary>
    public string Own { get; }

    /// <summary>Whether read tools may use any profile of the config file.</summary>
    public bool AnyForReads { get; }

    /// <summary>Other profiles write tools may use.</summary>
    public IReadOnlyList<string> Writes => _writes;

    /// <summary>The <c>profile</c> argument's schema for a read or write tool, or null when it takes none.</summary>
    public JsonObject? Property(bool writes)
    {
        var others = writes ? _writes : _reads;
        if (!writes && AnyForReads)
        {
            return new JsonObject
            {
                ["type"] = "string",
                ["minLength"] = 1,
                ["maxLength"] = 100,
                ["description"] = $"Profile of the rsspot config file to use (another account or organization); default: {Own}.",
            };
        }

        return others.Count == 0 ? null : new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray([.. others.Prepend(Own).Select(p => (JsonNode)p)]),
            ["description"] = $"Profile of the rsspot config file to use; default: {Own}.",
        };
    }

    /// <summary>Why a tool may not take a <c>profile</c> argument, for the refusal of a call that gave one.</summary>
    public string NoProfileReason(bool writes) => writes
        ? $"this server changes only profile '{Own}'; its operator decides which other profiles it may change."
        : $"this server is pinned to profile '{Own}'; its operator decides which other profiles it may read.";
}
