using Microsoft.Kiota.Abstractions;

namespace Rsspot.Http;

/// <summary>Carries the error body of a failed answer from <see cref="ReceivedResponseTransport"/> back to <see cref="SpotRequestAdapter"/>.</summary>
internal sealed class ErrorBodyOption : IRequestOption
{
    /// <summary>The key Kiota stores a request option under on the HTTP request: the option's type name.</summary>
    public static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(ErrorBodyOption).FullName!);

    public ServerError? Body { get; set; }
}
