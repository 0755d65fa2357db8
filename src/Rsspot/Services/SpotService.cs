namespace Rsspot.Services;

/// <summary>Base of the typed services: access to the client's shared context.</summary>
public abstract class SpotService
{
    private protected SpotService(SpotContext context)
    {
        Context = context;
    }

    private protected SpotContext Context { get; }

    private protected Task<string> NamespaceAsync(CancellationToken cancellationToken) => Context.NamespaceAsync(cancellationToken);

    private protected static SpotException MissingBody(string what) => new($"The Spot API answered without a body for {what}.");
}
