using Microsoft.Kiota.Abstractions;

namespace Rsspot.Http;

/// <summary>A response received for a request, handed to Kiota's adapter through <see cref="ReceivedResponseTransport"/>.</summary>
internal sealed class ReceivedResponseOption(HttpResponseMessage response) : IRequestOption
{
    /// <summary>The key Kiota stores a request option under on the HTTP request: the option's type name.</summary>
    public static readonly HttpRequestOptionsKey<IRequestOption> Key = new(typeof(ReceivedResponseOption).FullName!);

    public HttpResponseMessage? Response { get; set; } = response;
}
