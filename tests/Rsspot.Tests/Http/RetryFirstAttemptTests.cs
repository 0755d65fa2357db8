using Rsspot.Http;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Http;

/// <summary>
/// The retry layer sends the first attempt on its own and enters its retry strategies only after a retryable failure:
/// the deadlines stay those of one pipeline around the whole call.
/// </summary>
public sealed class RetryFirstAttemptTests
{
    private static readonly Uri Regions = new("/apis/ngpc.rxt.io/v1/regions", UriKind.Relative);

    [Fact]
    public async Task The_operation_timeout_counts_from_the_start_of_the_call_across_a_timed_out_first_attempt()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) => await Task.Delay(10_000, context.RequestAborted));
        // The first attempt ends at 300 ms; the second would end at 600 ms, after the operation's 500 ms: no third attempt.
        using var http = Client(server.BaseUrl, Options(5) with { AttemptTimeout = TimeSpan.FromMilliseconds(300), OperationTimeout = TimeSpan.FromMilliseconds(500) });

        var error = await Assert.ThrowsAsync<RequestTimedOutException>(() => http.GetAsync(Regions));

        Assert.True(error.WholeOperation);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_first_attempt_cut_by_the_operation_timeout_ends_the_call_as_the_operations_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) => await Task.Delay(10_000, context.RequestAborted));
        using var http = Client(server.BaseUrl, Options(3) with { AttemptTimeout = TimeSpan.FromSeconds(5), OperationTimeout = TimeSpan.FromMilliseconds(200) });

        var error = await Assert.ThrowsAsync<RequestTimedOutException>(() => http.GetAsync(Regions));

        Assert.True(error.WholeOperation);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task An_attempt_timeout_with_retries_left_is_retried_and_the_retry_answers()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, n) =>
        {
            if (n == 1)
            {
                await Task.Delay(10_000, context.RequestAborted);
            }
        });
        using var http = Client(server.BaseUrl, Options(3) with { AttemptTimeout = TimeSpan.FromMilliseconds(300), OperationTimeout = TimeSpan.FromSeconds(30) });

        using var response = await http.GetAsync(Regions);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, server.RequestCount);
    }

    private static RetryOptions Options(int attempts) => new() { MaxAttempts = attempts, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) };

    private static HttpClient Client(string baseUrl, RetryOptions options) =>
        new(SpotHttpPipeline.CreatePlainHandler(options, SpotHttpPipeline.CreateTransport(true), null)) { BaseAddress = new Uri(baseUrl) };
}
