namespace Rsspot.Http;

/// <summary>
/// A request whose successful JSON answer the request adapter reads straight from the body's bytes into the models:
/// the JSON check checks it with a reader and keeps no parsed document for it.
/// </summary>
internal sealed class BytesReadRequest(HttpMethod method, Uri? requestUri) : HttpRequestMessage(method, requestUri);
