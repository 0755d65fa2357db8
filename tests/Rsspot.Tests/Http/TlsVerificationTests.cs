using Microsoft.AspNetCore.Http;
using Rsspot.Configuration;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Http;

public sealed class TlsVerificationTests
{
    [Fact]
    public async Task A_self_signed_endpoint_is_refused_unless_TLS_verification_is_switched_off()
    {
        using var certificate = SelfSignedCertificate.ForLoopback();
        await using var server = await LoopbackServer.StartAsync(
            async (context, _) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"apiVersion":"v1","kind":"RegionList","items":[{"metadata":{"name":"r-1"}}]}""");
            },
            certificate);
        using var state = new TempDirectory();
        SpotClient Client(bool verify) => new(new SpotClientOptions
        {
            Config = new RsspotConfig(),
            Environment = new Dictionary<string, string>(),
            HomeDirectory = state.Path,
            StatePath = Path.Combine(state.Path, "state.db"),
            BaseUrl = server.BaseUrl,
            AccessToken = TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1)),
            VerifySsl = verify,
            NoCache = true,
            Retry = new RetrySettings(1, TimeSpan.Zero, TimeSpan.Zero, 0, []),
        });

        using (var verifying = Client(verify: true))
        {
            var error = await Assert.ThrowsAsync<SpotTransportException>(() => verifying.Regions.ListAsync());
            Assert.Contains("could not reach", error.Message, StringComparison.Ordinal);
        }

        using var trusting = Client(verify: false);
        var regions = await trusting.Regions.ListAsync();

        Assert.StartsWith("https://", server.BaseUrl, StringComparison.Ordinal);
        Assert.Equal("r-1", Assert.Single(regions).Metadata?.Name);
    }
}
