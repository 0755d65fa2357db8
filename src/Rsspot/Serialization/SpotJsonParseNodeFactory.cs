using Microsoft.Kiota.Abstractions.Serialization;

namespace Rsspot.Serialization;

/// <summary>
/// The <c>application/json</c> parse node factory of the SDK's request adapters: <see cref="SpotJsonParseNode"/>s
/// over the response body. Argument checks, accepted input (UTF-8 with or without a BOM, one value, depth 64) and
/// exceptions are those of Kiota's JsonParseNodeFactory. The body is parsed once into pooled memory, given back when
/// the root node is disposed (Kiota parses into a pooled document and clones it into a new one).
/// </summary>
internal sealed class SpotJsonParseNodeFactory : IParseNodeFactory
{
    /// <inheritdoc />
    public string ValidContentType => "application/json";

    /// <inheritdoc />
    public async Task<IParseNode> GetRootParseNodeAsync(string? contentType, Stream content, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            throw new ArgumentNullException(nameof(contentType));
        }

        if (!ValidContentType.Equals(contentType, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentOutOfRangeException($"expected a {ValidContentType} content type");
        }

        ArgumentNullException.ThrowIfNull(content);
        var body = await PooledJsonBody.ReadAsync(content, cancellationToken).ConfigureAwait(false);
        return new SpotJsonParseNode(body);
    }
}
