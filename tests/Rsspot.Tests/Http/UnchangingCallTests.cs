using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Http;

/// <summary>
/// <c>Regions.ListAsync()</c> without a filter sends its request without building it per call (see
/// <see cref="Rsspot.Http.UnchangingCall{T}"/>): on the wire it is the generated call's request, and a failed answer maps
/// to the same error as through the generated call.
/// </summary>
public sealed class UnchangingCallTests
{
    private const string RegionList =
        """{"kind":"RegionList","apiVersion":"ngpc.rxt.io/v1","items":[{"kind":"Region","metadata":{"name":"us-central-dfw-1"},"spec":{"country":"US"}},{"kind":"Region","metadata":{"name":"uk-lon-1"},"spec":{"country":"GB"}}]}""";

    private const string Forbidden =
        """{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Forbidden","message":"regions are not visible to this account","code":403}""";

    [Fact]
    public async Task A_list_without_a_filter_sends_the_generated_request_and_reads_the_same_regions()
    {
        var seen = new ConcurrentQueue<string>();
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            seen.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {context.Request.Protocol} accept={context.Request.Headers.Accept} auth={context.Request.Headers.Authorization}");
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(RegionList);
        });
        using var state = new TempDirectory();
        await using var client = new SpotClient(Options(server, state));

        var listed = await client.Regions.ListAsync();
        var again = await client.Regions.ListAsync();
        var generated = await client.Api.Apis.NgpcRxtIo.V1.Regions.GetAsync();

        Assert.Equal(["us-central-dfw-1", "uk-lon-1"], listed.Select(r => r.Metadata!.Name));
        Assert.Equal(generated!.Items!.Select(r => (r.Metadata!.Name, r.Spec!.Country)), listed.Select(r => (r.Metadata!.Name, r.Spec!.Country)));
        Assert.Equal(again.Select(r => r.Metadata!.Name), listed.Select(r => r.Metadata!.Name));
        Assert.Equal(3, seen.Count);
        Assert.Single(seen.Distinct());
        Assert.StartsWith("GET /apis/ngpc.rxt.io/v1/regions ", seen.First(), StringComparison.Ordinal);
        Assert.Contains("accept=application/json auth=Bearer ", seen.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_answer_is_the_same_error_as_through_the_generated_call()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Forbidden);
        });
        using var state = new TempDirectory();
        await using var client = new SpotClient(Options(server, state));

        var unchanging = await Assert.ThrowsAsync<SpotApiException>(() => client.Regions.ListAsync());
        var filtered = await Assert.ThrowsAsync<SpotApiException>(() => client.Regions.ListAsync("a=b"));

        Assert.Equal(filtered.Message, unchanging.Message);
        Assert.Equal(filtered.StatusCode, unchanging.StatusCode);
        Assert.Equal("Forbidden", unchanging.Reason);
        Assert.Equal("regions are not visible to this account", unchanging.ApiMessage);
        Assert.Equal(2, server.RequestCount);
    }

    private static SpotClientOptions Options(LoopbackServer server, TempDirectory state) => LoopbackClientOptions.For(server, state);
}
