using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rsspot.Configuration;
using Rsspot.Tests.Http;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Client;

/// <summary><c>AddRsspot</c> in a real generic host: settings from appsettings.json, IOptions, and a callback given the container.</summary>
public sealed class ConfigurationBindingTests
{
    [Fact]
    public async Task The_Rsspot_section_of_appsettings_json_configures_the_registered_client()
    {
        var connections = new ConcurrentDictionary<string, byte>();
        await using var server = await ConnectionCapTests.SlowRegionsServer(connections);
        using var state = new TempDirectory();
        File.WriteAllText(Path.Combine(state.Path, "appsettings.json"), $$"""
            {
              "Rsspot": {
                "BaseUrl": "{{server.BaseUrl}}",
                "Org": "acme",
                "Region": "us-central-dfw-1",
                "Timeout": "00:00:42",
                "MaxConnectionsPerServer": 3,
                "MaxBid": 0.05,
                "NoCache": true,
                "Settings": { "OperationTimeoutSeconds": 90, "MaxRetries": 2 }
              }
            }
            """);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = state.Path, EnvironmentName = "Test", Args = [] });
        builder.Services.AddSingleton(new TestToken(TestJwt.Create(DateTimeOffset.UtcNow.AddHours(1))));
        builder.Services.AddRsspot(builder.Configuration, (provider, options) => options with
        {
            AccessToken = provider.GetRequiredService<TestToken>().Value,
            Config = new RsspotConfig(),
            Environment = new Dictionary<string, string>(),
            HomeDirectory = state.Path,
            StatePath = Path.Combine(state.Path, "state.db"),
        });
        using var host = builder.Build();

        var bound = host.Services.GetRequiredService<IOptions<RsspotOptions>>().Value;
        Assert.Equal(server.BaseUrl, bound.BaseUrl);
        Assert.Equal(3, bound.MaxConnectionsPerServer);
        Assert.Equal(0.05m, bound.MaxBid);
        Assert.Equal(TimeSpan.FromSeconds(42), bound.Timeout);

        var client = host.Services.GetRequiredService<SpotClient>();
        Assert.Equal(server.BaseUrl, client.Profile.BaseUrl);
        Assert.Equal("acme", client.Profile.Org);
        Assert.Equal("us-central-dfw-1", client.Profile.Region);
        Assert.Equal(TimeSpan.FromSeconds(42), client.Profile.RequestTimeout);
        Assert.False(client.Profile.Cache.Enabled);
        Assert.Equal(0.05m, client.Profile.MaxBid);
        Assert.Equal(TimeSpan.FromSeconds(90), client.Profile.OperationTimeout);
        Assert.Equal(3, client.Profile.Retry.MaxAttempts);

        await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => client.Regions.ListAsync())).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(60, server.RequestCount);
        Assert.InRange(connections.Count, 1, 3);
    }

    [Fact]
    public async Task Environment_variables_override_the_file_as_in_any_host()
    {
        using var state = new TempDirectory();
        File.WriteAllText(Path.Combine(state.Path, "appsettings.json"), """{ "Rsspot": { "Org": "from-file", "Profile": "prod" } }""");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = state.Path, EnvironmentName = "Test", Args = ["--Rsspot:Org=from-args"] });
        builder.Services.AddRsspot(builder.Configuration.GetSection(RsspotOptions.SectionName));
        using var host = builder.Build();
        await Task.Yield();

        var bound = host.Services.GetRequiredService<IOptions<RsspotOptions>>().Value;
        Assert.Equal("from-args", bound.Org);
        Assert.Equal("prod", bound.Profile);
    }

    [Fact]
    public void Without_configuration_the_options_are_empty_and_the_callback_still_gets_the_container()
    {
        using var state = new TempDirectory();
        TestToken? seen = null;
        var services = new ServiceCollection().AddSingleton(new TestToken("from the container")).AddRsspot((provider, options) =>
        {
            seen = provider.GetRequiredService<TestToken>();
            return SpotClientOptions.Isolated("http://127.0.0.1:9", "refresh-token-value", "acme", state.Path);
        });
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<SpotClient>();

        Assert.Null(provider.GetRequiredService<IOptions<RsspotOptions>>().Value.BaseUrl);
        Assert.Equal("from the container", seen?.Value);
        Assert.Equal("http://127.0.0.1:9", client.Profile.BaseUrl);
    }

    private sealed record TestToken(string Value);
}
