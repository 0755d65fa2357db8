using System.Net.Security;
using Microsoft.Extensions.Logging;
using Rsspot.Auth;

namespace Rsspot.Http;

/// <summary>What every chain of one client shares.</summary>
internal sealed record PipelineParts(
    HttpMessageHandler Transport,
    ClientLifetime Lifetime,
    ILogger Logger,
    TimeProvider Time,
    IReadOnlyList<Func<DelegatingHandler>>? PerCall,
    IReadOnlyList<Func<DelegatingHandler>>? PerAttempt,
    long MaxResponseBytes = SpotHttpPipeline.DefaultMaxResponseBytes);
