using Rsspot.Generated.Api.Models;

namespace Rsspot.Services.Vm;

/// <summary>A VM SSH key in one row, flattened from <see cref="VmSshKey"/>.</summary>
/// <param name="Name">The key name.</param>
/// <param name="Description">Its description.</param>
/// <param name="Fingerprint">The fingerprint the API computed, once it has.</param>
/// <param name="Validated">Whether the API has validated the key.</param>
/// <param name="CreatedAt">When it was created.</param>
public sealed record VmSshKeySummary(string Name, string? Description, string? Fingerprint, bool Validated, DateTimeOffset? CreatedAt)
{
    /// <summary>Flattens a generated VM SSH key model.</summary>
    /// <param name="key">The model.</param>
    public static VmSshKeySummary From(VmSshKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new VmSshKeySummary(key.Metadata?.Name ?? string.Empty, key.Spec?.Description, key.Status?.Fingerprint, key.Status?.Validated ?? false, key.Metadata?.CreationTimestamp);
    }
}
