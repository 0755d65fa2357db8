using System.Text;
using Microsoft.AspNetCore.Http;
using Rsspot.Http;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Http;

/// <summary>
/// The JSON check judges a body the same whether it keeps the document it parsed (the API chain, for the request
/// adapter) or only reads it; a kept document is handed out once and the body stays readable.
/// </summary>
public sealed class JsonResponseHandlerTests
{
    public static TheoryData<string, bool> Bodies() => new()
    {
        { """{"items":[{"name":"a"},{"name":"b"}]}""", true },
        { "  [1, 2.5e3, \"x\", null, true]  ", true },
        { new string('[', 256) + new string(']', 256), true },
        { new string('[', 257) + new string(']', 257), false },
        { "{\"items\": [ {\"metadata\": ", false },
        { "{} {}", false },
        { "[1,]", false },
        { "{\"a\":1 // comment\n}", false },
        { "   ", false },
        { "\uFEFF{\"a\":1}", false },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_body_gets_the_same_verdict_whether_its_document_is_kept_or_not(string body, bool valid)
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        });

        foreach (var keep in new[] { false, true })
        {
            using var http = Client(server, keep);
            if (valid)
            {
                using var response = await http.GetAsync(new Uri("/any", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
                Assert.Equal(body, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
            }
            else
            {
                var error = await Assert.ThrowsAsync<UnexpectedResponseException>(() => http.GetAsync(new Uri("/any", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead));
                Assert.Contains("invalid JSON (application/json)", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_kept_document_is_handed_out_once_and_the_body_stays_readable()
    {
        const string Body = """{"items":[{"name":"a"},{"name":"b"}]}""";
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Body);
        });
        using var http = Client(server, keep: true);

        using var response = await http.GetAsync(new Uri("/any", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        var content = Assert.IsType<BufferedContent>(response.Content);
        var json = content.TakeJson();

        Assert.NotNull(json);
        Assert.Equal(2, json.Root.GetProperty("items").GetArrayLength());
        Assert.Null(content.TakeJson());
        json.Release();
        Assert.Equal(Body, await content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_keeping_no_document_is_kept()
    {
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"a":1}""");
        });
        using var http = Client(server, keep: false);

        using var response = await http.GetAsync(new Uri("/any", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        Assert.Null(Assert.IsType<BufferedContent>(response.Content).TakeJson());
    }

    private static HttpClient Client(LoopbackServer server, bool keep) =>
        new(new JsonResponseHandler { KeepParsed = keep, InnerHandler = new BoundedResponseHandler(1 << 20) { InnerHandler = SpotHttpPipeline.CreateTransport(true) } })
        {
            BaseAddress = new Uri(server.BaseUrl),
        };
}
