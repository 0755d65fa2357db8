using System.Net;

namespace Rsspot.Http;

/// <summary>
/// An answer the client cannot use: a redirect, a body that is not JSON, one over the size limit. Never retried;
/// the services turn it into a <see cref="SpotApiException"/> naming the operation.
/// </summary>
internal sealed class UnexpectedResponseException(string message, HttpStatusCode statusCode) : HttpRequestException(message, null, statusCode)
{
    /// <summary>The status of the answer.</summary>
    public HttpStatusCode Status => StatusCode ?? default;
}
