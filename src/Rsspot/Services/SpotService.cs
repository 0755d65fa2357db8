using System.Runtime.CompilerServices;

namespace Rsspot.Services;

/// <summary>Base of the typed services: access to the client's shared context.</summary>
public abstract class SpotService
{
    private readonly string _group;

    /// <summary>For mocking frameworks and hand-written fakes: a service with no client behind it.</summary>
    protected SpotService()
    {
        Context = null!;
        _group = string.Empty;
    }

    private protected SpotService(SpotContext context, string group)
    {
        Context = context;
        _group = group;
    }

    private protected SpotContext Context { get; }

    private protected Task<string> NamespaceAsync(CancellationToken cancellationToken) => Context.NamespaceAsync(cancellationToken);

    /// <summary>Runs one generated-client call as the operation <c>group.member</c> (a span, error mapping, the disposal check).</summary>
    private protected Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, [CallerMemberName] string member = "") =>
        ApiCall.RunAsync(Context, operation, call, cancellationToken, Context.Operation(_group, member));

    private protected static SpotException MissingBody(string what) => new($"The Spot API answered without a body for {what}.");
}
