using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>
/// One tool call whose arguments the tool's schema accepted: typed access to them, the client of the profile the
/// call names, and where a long call reports what it is doing.
/// </summary>
internal sealed class ToolCall
{
    private readonly JsonObject _arguments;
    private readonly ProfileClients _clients;

    public ToolCall(string tool, JsonObject arguments, ProfileClients clients, IProgress<string>? progress = null)
    {
        Tool = tool;
        _arguments = arguments;
        _clients = clients;
        Progress = progress ?? new Progress<string>();
    }

    public string Tool { get; }

    /// <summary>Status lines for the caller's progress notifications (e.g. the phase a cloudspace is in).</summary>
    public IProgress<string> Progress { get; }

    /// <summary>The client of the <c>profile</c> argument (which the schema allowed), or the server's own.</summary>
    public SpotClient Client => _clients.For(String("profile"));

    public string RequiredString(string name) =>
        String(name) ?? throw new ToolInputException($"'{name}' is required.");

    public string? String(string name) => Get(name) is { } value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public int? Int(string name) => Get(name) is { } value && value.GetValueKind() == JsonValueKind.Number ? (int)value.GetValue<decimal>() : null;

    public decimal? Decimal(string name) => Get(name) is { } value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<decimal>() : null;

    public bool? Bool(string name) => Get(name)?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public IReadOnlyList<string>? Strings(string name) =>
        Get(name) is JsonArray array ? [.. array.Select(i => i!.GetValue<string>())] : null;

    /// <summary>Checks that a delete names its target twice: <c>confirm</c> must repeat <paramref name="resource"/>.</summary>
    public void RequireConfirmation(string what, string resource)
    {
        if (!string.Equals(String("confirm"), resource, StringComparison.Ordinal))
        {
            throw new ToolInputException($"{ArgumentCheck.Prefix}deleting {what} '{resource}' cannot be undone: repeat its name in 'confirm' (confirm: \"{resource}\") to delete it.");
        }
    }

    private JsonNode? Get(string name) => _arguments[name];
}
