using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Form;
using Microsoft.Kiota.Serialization.Text;

namespace Rsspot.Serialization;

/// <summary>
/// The parse node factories of the SDK's request adapters: the content types the generated clients register by
/// default, with <see cref="SpotJsonParseNodeFactory"/> for JSON. Kiota's registry keeps its handling of vendor
/// content types (<c>application/vnd.x+json</c> is read as JSON).
/// </summary>
internal static class SpotParseNodes
{
    public static ParseNodeFactoryRegistry Registry { get; } = Create();

    private static ParseNodeFactoryRegistry Create()
    {
        var registry = new ParseNodeFactoryRegistry();
        foreach (var factory in new IParseNodeFactory[] { new SpotJsonParseNodeFactory(), new TextParseNodeFactory(), new FormParseNodeFactory() })
        {
            registry.ContentTypeAssociatedFactories[factory.ValidContentType] = factory;
        }

        return registry;
    }
}
