namespace Rsspot.Workflows;

/// <summary>Text forms of <see cref="RegistrationStatus"/> as stored in the ledger (<c>token_issued</c>, ...).</summary>
public static class RegistrationStatusText
{
    /// <summary>The stored text of a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>snake_case text, e.g. <c>token_issued</c>.</returns>
    public static string ToText(this RegistrationStatus status)
    {
        return status switch
        {
            RegistrationStatus.Discovered => "discovered",
            RegistrationStatus.TokenIssued => "token_issued",
            RegistrationStatus.Submitted => "submitted",
            RegistrationStatus.Registered => "registered",
            RegistrationStatus.Failed => "failed",
            RegistrationStatus.Skipped => "skipped",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
    }

    /// <summary>Parses stored or typed text (<c>token_issued</c>, <c>token-issued</c>, <c>TokenIssued</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="status">The status, when recognised.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public static bool TryParse(string? text, out RegistrationStatus status)
    {
        string normalized = (text ?? string.Empty).Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse(normalized, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(normalized, out _);
    }

    /// <summary>Parses stored text, throwing on unknown values.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The status.</returns>
    public static RegistrationStatus Parse(string text)
    {
        return TryParse(text, out RegistrationStatus status)
            ? status
            : throw new FormatException($"'{text}' is not a registration status (discovered, token_issued, submitted, registered, failed, skipped).");
    }
}
