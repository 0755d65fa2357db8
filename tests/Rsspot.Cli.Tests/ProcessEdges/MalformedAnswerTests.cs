using Microsoft.AspNetCore.Http;
using Rsspot.Cli.Tests.Support;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>
/// Issue 29, items 7 and 11: answers that are malformed below JSON (a body cut short, corrupt gzip, no body on a read,
/// a 401 page in HTML, a long Retry-After, an unreachable price host) exit with the documented code and one line.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class MalformedAnswerTests(HostileCliFixture fixture) : IClassFixture<HostileCliFixture>, IDisposable
{
    private HostileServer Server => fixture.Server;

    public void Dispose() => Server.Reset();

    private static string OneErrorLine(CliResult result)
    {
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        return line;
    }

    private static HostileFault Answer(string name, Func<HttpContext, Task> answer) => new(name, (context, _) => answer(context));

    public static TheoryData<string> BodyFaults() => ["premature end", "corrupt gzip", "200 without a body", "204 on a read"];

    private static HostileFault BodyFault(string name) => name switch
    {
        "premature end" => Answer(name, async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 5000;
            await context.Response.WriteAsync("{\"kind\":\"RegionList\",\"items\":[");
            await context.Response.Body.FlushAsync();
        }),
        "corrupt gzip" => Answer(name, async context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(new byte[] { 0x1f, 0x8b, 0x63, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xff, 0xfe, 0x01, 0x02 });
        }),
        "200 without a body" => Answer(name, context =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        }),
        _ => Answer(name, context =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }),
    };

    [Theory]
    [MemberData(nameof(BodyFaults))]
    public async Task A_malformed_body_exits_5_with_one_line_and_no_dotnet_text(string fault)
    {
        Server.ApiFault = BodyFault(fault);

        var result = await fixture.RunAsync("regions", "list");

        Assert.True(result.ExitCode == 5, result.ToString());
        var line = OneErrorLine(result);
        Assert.DoesNotContain("prematurely", line, StringComparison.Ordinal);
        Assert.DoesNotContain("unsupported compression", line, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task A_401_with_an_html_body_exits_4()
    {
        Server.ApiFault = HostileFault.Status(401, "text/html", "<html><body>Please log in</body></html>");

        var result = await fixture.RunAsync("regions", "list");

        Assert.True(result.ExitCode == 4, result.ToString());
        OneErrorLine(result);
    }

    [Theory]
    [InlineData("86400", "86400 s")]
    [InlineData("Thu, 01 Jan 2099 00:00:00 GMT", "2099-01-01 00:00:00 UTC")]
    public async Task A_429_asking_for_a_long_pause_says_the_delay_asked_for_without_retrying_early(string retryAfter, string said)
    {
        Server.ApiFault = Answer("429 " + retryAfter, async context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = retryAfter;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"kind":"Status","status":"Failure","code":429,"reason":"TooManyRequests","message":"slow down"}""");
        });

        var result = await fixture.RunAsync("regions", "list");

        Assert.True(result.ExitCode == 5, result.ToString());
        var line = OneErrorLine(result);
        Assert.Contains(said, line, StringComparison.Ordinal);
        Assert.DoesNotContain("wait a moment", line, StringComparison.Ordinal);
        Assert.Equal(1, Server.FaultHits);
    }
}
