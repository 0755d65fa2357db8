namespace Rsspot.Http;

/// <summary>No complete answer (headers and body) arrived in time: one attempt, or the whole operation with its retries.</summary>
internal sealed class RequestTimedOutException(string host, TimeSpan limit, bool wholeOperation, Exception inner)
    : HttpRequestException($"no complete answer from {host} within {limit.TotalSeconds:0.###} s{(wholeOperation ? " (the whole operation, retries included)" : string.Empty)}", inner)
{
    /// <summary>True when the operation deadline ran out rather than one attempt's timeout.</summary>
    public bool WholeOperation { get; } = wholeOperation;
}
