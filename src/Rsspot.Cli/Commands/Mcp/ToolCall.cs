using System.Globalization;
using System.Text.Json;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>One tool call: typed access to its arguments and the client of the profile it names.</summary>
internal sealed class ToolCall
{
    private readonly IReadOnlyDictionary<string, JsonElement> _arguments;
    private readonly ProfileClients _clients;

    public ToolCall(string tool, IReadOnlyDictionary<string, JsonElement>? arguments, ProfileClients clients)
    {
        Tool = tool;
        _arguments = arguments ?? new Dictionary<string, JsonElement>();
        _clients = clients;
    }

    public string Tool { get; }

    /// <summary>The client of the <c>profile</c> argument, or the server's own.</summary>
    public SpotClient Client => _clients.For(String("profile"));

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } value ? value : throw new ToolInputException($"'{name}' is required.");

    public string? String(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw new ToolInputException($"'{name}' must be a string."),
    };

    public int? Int(string name, int minimum = int.MinValue, int maximum = int.MaxValue)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw new ToolInputException($"'{name}' must be a whole number.");
        }

        return number >= minimum && number <= maximum
            ? number
            : throw new ToolInputException($"'{name}' is {number}; give {minimum}..{maximum}.");
    }

    /// <summary>A decimal from a number, or from text such as "0.08" or "$0.08" (how people write bids).</summary>
    public decimal? Decimal(string name)
    {
        if (Get(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && decimal.TryParse(value.GetString()?.TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new ToolInputException($"'{name}' must be a number.");
    }

    public bool? Bool(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new ToolInputException($"'{name}' must be true or false."),
    };

    /// <summary>A list of strings from an array or from one comma-separated string.</summary>
    public IReadOnlyList<string>? Strings(string name)
    {
        string[]? values = Get(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } value => Split(value.GetString()),
            { ValueKind: JsonValueKind.Array } array when array.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String) =>
                [.. array.EnumerateArray().SelectMany(i => Split(i.GetString()))],
            _ => throw new ToolInputException($"'{name}' must be a list of strings."),
        };
        return values is { Length: > 0 } ? values : null;
    }

    /// <summary>Checks that a delete names its target twice: <c>confirm</c> must repeat <paramref name="resource"/>.</summary>
    public void RequireConfirmation(string what, string resource)
    {
        if (!string.Equals(String("confirm"), resource, StringComparison.Ordinal))
        {
            throw new ToolInputException($"Deleting {what} '{resource}' cannot be undone: repeat its name in 'confirm' (confirm: \"{resource}\") to delete it.");
        }
    }

    private static string[] Split(string? text) => (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private JsonElement? Get(string name) =>
        _arguments.TryGetValue(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined) ? value : null;
}

/// <summary>A tool argument is missing or invalid; the message says which and what to give.</summary>
internal sealed class ToolInputException(string message) : Exception(message);
