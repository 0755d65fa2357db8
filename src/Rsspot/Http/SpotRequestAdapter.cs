using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Abstractions.Store;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Rsspot.Generated.Api.Models;
using Rsspot.Serialization;

namespace Rsspot.Http;

/// <summary>
/// The request adapter of the generated clients. A successful <see cref="SendAsync{ModelType}"/> (what every generated
/// call uses) is handled here: the request message is built by Kiota's adapter, Kiota's per-call tracing work
/// (template decoding and a regex replace, done even with no listener) is skipped, and the body is read from the
/// connection into pooled memory for the SDK's JSON parse node (HttpClient would first buffer it in a new array).
/// Everything else, failed responses included, goes through Kiota's
/// <see cref="HttpClientRequestAdapter"/> (over <see cref="ReceivedResponseTransport"/>), so errors, response handlers
/// and the other send methods behave exactly as Kiota's.
/// </summary>
internal sealed class SpotRequestAdapter : IRequestAdapter
{
    private readonly HttpClient _http;
    private readonly IParseNodeFactory _parseNodes;
    private readonly HttpClientRequestAdapter _kiota;
    private readonly NativeRequests _requests = new();
    private bool _backingStore;

    public SpotRequestAdapter(HttpClient http, IParseNodeFactory parseNodes, string baseUrl)
    {
        _http = http;
        _parseNodes = parseNodes;
#pragma warning disable CA2000 // The wrapper owns no resources: the pipeline client is disposed by SpotClient.
        var kiotaTransport = new HttpClient(new ReceivedResponseTransport(http)) { Timeout = Timeout.InfiniteTimeSpan };
#pragma warning restore CA2000
        _kiota = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), parseNodes, httpClient: kiotaTransport) { BaseUrl = baseUrl };
    }

    /// <inheritdoc />
    public string? BaseUrl
    {
        get => _kiota.BaseUrl;
        set => _kiota.BaseUrl = value;
    }

    /// <inheritdoc />
    public ISerializationWriterFactory SerializationWriterFactory => _kiota.SerializationWriterFactory;

    /// <inheritdoc />
    public void EnableBackingStore(IBackingStoreFactory backingStoreFactory)
    {
        // Kiota wraps its parse node factory for the backing store: from now on every call goes through Kiota's adapter.
        _kiota.EnableBackingStore(backingStoreFactory);
        _backingStore = true;
    }

    /// <inheritdoc />
    public async Task<ModelType?> SendAsync<ModelType>(
        RequestInformation requestInfo,
        ParsableFactory<ModelType> factory,
        Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null,
        CancellationToken cancellationToken = default)
        where ModelType : IParsable
    {
        ArgumentNullException.ThrowIfNull(requestInfo);
        if (_backingStore || requestInfo.GetRequestOption<ResponseHandlerOption>() is not null || requestInfo.GetRequestOption<ReceivedResponseOption>() is not null)
        {
            return await KiotaSendAsync(requestInfo, factory, errorMapping, cancellationToken).ConfigureAwait(false);
        }

        // Headers first: a successful body is read into pooled memory below; a failed one is buffered for Kiota, as
        // HttpClient would have done.
        HttpResponseMessage response;
        using (var message = _requests.Create(requestInfo, _kiota.BaseUrl) ?? await _kiota.ConvertToNativeRequestAsync<HttpRequestMessage>(requestInfo, cancellationToken).ConfigureAwait(false))
        {
            response = await _http.SendAsync(message!, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccessStatusCode)
        {
            // Kiota's error mapping, exceptions and response headers, on the response received here.
            using (response)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                requestInfo.AddRequestOptions([new ReceivedResponseOption(response)]);
                return await KiotaSendAsync(requestInfo, factory, errorMapping, cancellationToken).ConfigureAwait(false);
            }
        }

        requestInfo.Content?.Dispose();
        using (response)
        {
            return await ReadAsync(response, requestInfo.HttpMethod, factory, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A bodiless call whose request is the same every time (a list without filters): the message is built from
    /// <paramref name="shape"/>, the generated builder's request information, built once and only read here; a success
    /// is read as <see cref="SendAsync{ModelType}"/> reads it. Any other answer, and any request this path does not
    /// build, goes to <paramref name="generated"/>, the generated call itself, with the answer received
    /// (<see cref="ReceivedResponseOption"/>), so its errors map exactly as the generated call maps them. Per call this
    /// saves the request information with its dictionaries, the generated error mapping and an async frame.
    /// </summary>
    /// <param name="shape">The request information of the call, never changed.</param>
    /// <param name="factory">The model of a success.</param>
    /// <param name="generated">The generated call, with a request option to add (null: none).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    internal async Task<ModelType?> SendUnchangingAsync<ModelType>(
        RequestInformation shape,
        ParsableFactory<ModelType> factory,
        Func<IRequestOption?, CancellationToken, Task<ModelType?>> generated,
        CancellationToken cancellationToken)
        where ModelType : IParsable
    {
        var message = _backingStore || shape.HttpMethod != Method.GET ? null : _requests.Create(shape, _kiota.BaseUrl);
        if (message is null)
        {
            return await generated(null, cancellationToken).ConfigureAwait(false);
        }

        HttpResponseMessage response;
        using (message)
        {
            response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                return await generated(new ReceivedResponseOption(response), cancellationToken).ConfigureAwait(false);
            }

            return await ReadAsync(response, Method.GET, factory, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The model of a successful answer: parsed from the buffered body at once, else read from the body's stream.</summary>
    private ValueTask<ModelType?> ReadAsync<ModelType>(HttpResponseMessage response, Method method, ParsableFactory<ModelType> factory, CancellationToken cancellationToken)
        where ModelType : IParsable =>
        BufferedRoot(response, out var buffered)
            ? new(Map(response, buffered, method, factory))
            : ReadStreamedAsync(response, method, factory, cancellationToken);

    private async ValueTask<ModelType?> ReadStreamedAsync<ModelType>(HttpResponseMessage response, Method method, ParsableFactory<ModelType> factory, CancellationToken cancellationToken)
        where ModelType : IParsable =>
        Map(response, await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false), method, factory);

    /// <summary>Fills the model from <paramref name="root"/> (then released), or throws the error the answer is.</summary>
    private static ModelType? Map<ModelType>(HttpResponseMessage response, IParseNode? root, Method method, ParsableFactory<ModelType> factory)
        where ModelType : IParsable
    {
        if (root is null && method == Method.GET && (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength is null or 0))
        {
            // A read that answers nothing is not an empty result.
            throw new UnexpectedResponseException($"the server answered HTTP {(int)response.StatusCode} without a body to a read; check that base_url points at the Spot API", response.StatusCode);
        }

        try
        {
            if (root is SpotJsonParseNode node && AnswerKind.Judge(typeof(ModelType), node.Element, response.StatusCode) == AnswerKind.Verdict.Status)
            {
                // A Status in a successful answer is the error it describes (its code and message).
                var described = root.GetObjectValue(Status.CreateFromDiscriminatorValue);
                if (described.Code is not (>= 400 and <= 599))
                {
                    throw AnswerKind.StatusWithoutCode(response.StatusCode, described.Message);
                }

                described.ResponseStatusCode = described.Code.Value;
                throw described;
            }

            return root is null ? default : root.GetObjectValue(factory);
        }
        catch (Exception e) when (IsParseFailure(e))
        {
            throw WrongShape(response.StatusCode, e);
        }
        finally
        {
            // The SDK's JSON root node gives its pooled memory back: the models hold no reference to it.
            (root as IDisposable)?.Dispose();
        }
    }

    /// <summary>One call through Kiota's adapter (its own method: the lambda's captures cost nothing on the path above).</summary>
    private Task<ModelType?> KiotaSendAsync<ModelType>(
        RequestInformation requestInfo,
        ParsableFactory<ModelType> factory,
        Dictionary<string, ParsableFactory<IParsable>>? errorMapping,
        CancellationToken cancellationToken)
        where ModelType : IParsable => Parsed(requestInfo, () => _kiota.SendAsync(requestInfo, factory, errorMapping, cancellationToken));

    /// <summary>
    /// The root node of a JSON body the pipeline already holds in memory, parsed at once (no stream, no task), with the
    /// same outcomes as <see cref="RootNodeAsync"/>: no node for 204, no content type or an empty body. False for any
    /// other body, which <see cref="ReadBodyAsync"/> reads.
    /// </summary>
    private static bool BufferedRoot(HttpResponseMessage response, out IParseNode? root)
    {
        root = null;
        if (response.Content is not BufferedContent content)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.NoContent || string.IsNullOrEmpty(content.Headers.ContentType?.MediaType))
        {
            return true;
        }

        if (!string.Equals(content.Headers.ContentType.MediaType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var bytes = content.Bytes;
        if (bytes.Length > 0)
        {
            // The JSON check's document when it kept one: the body is not read twice.
            root = new SpotJsonParseNode(content.TakeJson() ?? PooledJsonBody.Parse(bytes.Span));
        }

        return true;
    }

    /// <inheritdoc />
    public Task<IEnumerable<ModelType>?> SendCollectionAsync<ModelType>(
        RequestInformation requestInfo,
        ParsableFactory<ModelType> factory,
        Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null,
        CancellationToken cancellationToken = default)
        where ModelType : IParsable => Parsed(requestInfo, () => _kiota.SendCollectionAsync(requestInfo, factory, errorMapping, cancellationToken));

    /// <inheritdoc />
    public Task<ModelType?> SendPrimitiveAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(
        RequestInformation requestInfo,
        Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null,
        CancellationToken cancellationToken = default) => Parsed(requestInfo, () => _kiota.SendPrimitiveAsync<ModelType>(requestInfo, errorMapping, cancellationToken));

    /// <inheritdoc />
    public Task<IEnumerable<ModelType>?> SendPrimitiveCollectionAsync<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] ModelType>(
        RequestInformation requestInfo,
        Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null,
        CancellationToken cancellationToken = default) => Parsed(requestInfo, () => _kiota.SendPrimitiveCollectionAsync<ModelType>(requestInfo, errorMapping, cancellationToken));

    /// <inheritdoc />
    public Task SendNoContentAsync(
        RequestInformation requestInfo,
        Dictionary<string, ParsableFactory<IParsable>>? errorMapping = null,
        CancellationToken cancellationToken = default) => Parsed(requestInfo, () => _kiota.SendNoContentAsync(requestInfo, errorMapping, cancellationToken));

    /// <inheritdoc />
    public Task<T?> ConvertToNativeRequestAsync<T>(RequestInformation requestInfo, CancellationToken cancellationToken = default) =>
        _kiota.ConvertToNativeRequestAsync<T>(requestInfo, cancellationToken);

    /// <summary>A body that parsed as JSON but not into the models (a string where an object goes, items not a list).</summary>
    private static UnexpectedResponseException WrongShape(HttpStatusCode status, Exception error) =>
        new($"the server answered HTTP {(int)status} with JSON of the wrong shape ({Security.ServerText.Clean(error.Message)}); check that base_url points at the Spot API", status);

    /// <summary>What the parse nodes throw on a body they cannot map (never a cancellation or a disposed client).</summary>
    private static bool IsParseFailure(Exception error) =>
        error is JsonException or FormatException or InvalidCastException or OverflowException or KeyNotFoundException
        || (error is InvalidOperationException && error is not ObjectDisposedException);

    /// <summary>
    /// Runs one call through Kiota's adapter. The error body the transport read for a failed answer is attached to
    /// the exception Kiota throws (in a filter: the exception is not caught and thrown again), so the server's reason
    /// and words reach the SDK's error whatever shape the body has and whether or not the operation maps it to a type.
    /// </summary>
    private static async Task<T> Parsed<T>(RequestInformation requestInfo, Func<Task<T>> send)
    {
        var failure = new ErrorBodyOption();
        requestInfo.AddRequestOptions([failure]);
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (ApiException e) when (ServerError.Attach(e, failure.Body))
        {
            throw; // not reached: Attach returns false
        }
        catch (Exception e) when (IsParseFailure(e))
        {
            throw WrongShape(HttpStatusCode.OK, e);
        }
    }

    private static Task Parsed(RequestInformation requestInfo, Func<Task> send) =>
        Parsed(requestInfo, async () =>
        {
            await send().ConfigureAwait(false);
            return true;
        });

    /// <summary>The root node, with a failure to read the body reported as HttpClient reports it when it buffers.</summary>
    private async Task<IParseNode?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await RootNodeAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            throw new HttpRequestException("Error while copying content to a stream.", e);
        }
    }

    /// <summary>As Kiota: no node for 204, an empty body or a body without a content type.</summary>
    private async Task<IParseNode?> RootNodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.GetType().Name.Equals("EmptyContent", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var contentType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            if (body == Stream.Null || (body.CanSeek && body.Length == 0))
            {
                return null;
            }

            if (body.CanSeek)
            {
                return await _parseNodes.GetRootParseNodeAsync(contentType, body, cancellationToken).ConfigureAwait(false);
            }

            // Read from the socket: whole, so that an empty body gives no node, as with Kiota's buffered response.
            using var bytes = await PooledBytes.ReadAsync(body, cancellationToken).ConfigureAwait(false);
            if (bytes.Length == 0)
            {
                return null;
            }

            using var buffered = bytes.AsStream();
            return await _parseNodes.GetRootParseNodeAsync(contentType, buffered, cancellationToken).ConfigureAwait(false);
        }
    }
}
