using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Rsspot.Http;

/// <summary>
/// One bodiless generated call whose request is the same every time (a list without filters), sent through
/// <see cref="SpotRequestAdapter.SendUnchangingAsync{ModelType}"/>: its request information is built once, by the
/// generated builder, and the generated call itself takes over for every answer but a success. Without the SDK's
/// adapter the generated call runs as it is.
/// </summary>
/// <typeparam name="T">The model of a success.</typeparam>
internal sealed class UnchangingCall<T>(
    SpotRequestAdapter? adapter,
    Func<RequestInformation> describe,
    ParsableFactory<T> factory,
    Func<IRequestOption?, CancellationToken, Task<T?>> generated)
    where T : IParsable
{
    private RequestInformation? _shape;

    /// <summary>Sends the call.</summary>
    public Task<T?> SendAsync(CancellationToken cancellationToken) =>
        adapter is null
            ? generated(null, cancellationToken)
            : adapter.SendUnchangingAsync(_shape ??= describe(), factory, generated, cancellationToken);
}
