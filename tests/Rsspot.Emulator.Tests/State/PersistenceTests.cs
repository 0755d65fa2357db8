using System.Net;
using System.Text.Json.Nodes;

namespace Rsspot.Emulator.Tests.State;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rsspot-emulator-").FullName;

    [Fact]
    public async Task State_survives_a_restart_with_the_same_data_file()
    {
        var file = Path.Combine(_directory, "state.json");
        string uid;
        var pool = Objects.NewPoolName();
        string token;
        await using (var first = await EmulatorSession.StartAsync(new EmulatorOptions { DataFile = file }))
        {
            uid = (await first.CreateCloudspaceAsync("kept"))["metadata"]!["uid"]!.GetValue<string>();
            await first.CreateSpotPoolAsync(pool, "kept");
            first.Host.RemoveVmServer("vm-sandbox", first.Host.GetResource("vmcloudspaces", "vm-sandbox")!["status"]!["assignedServers"]!.AsObject().First().Key);
            token = await first.ExchangeTokenAsync();
        }

        await using var second = await EmulatorSession.StartAsync(new EmulatorOptions { DataFile = file }, authenticate: false);
        second.UseBearer(token);
        var (status, cloudspace) = await second.GetAsync(second.Path("cloudspaces", "kept"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(uid, cloudspace["metadata"]!["uid"]!.GetValue<string>());
        Assert.Equal([pool], second.Host.ListResourceNames("spotnodepools"));
        Assert.Equal(2, second.Host.GetResource("vmcloudspaces", "vm-sandbox")!["status"]!["assignedServers"]!.AsObject().Count);
        var (_, events) = await second.GetAsync("/apis/metrics.ngpc.rxt.io/v1/events/organizations?limits=50");
        Assert.Contains(events["events"]!.AsArray(), e => e![1]!.GetValue<string>() == "CloudSpace kept created");
    }

    [Fact]
    public async Task The_data_file_is_json_and_no_temporary_file_is_left_behind()
    {
        var file = Path.Combine(_directory, "nested", "state.json");
        await using (var spot = await EmulatorSession.StartAsync(new EmulatorOptions { DataFile = file }))
        {
            await spot.CreateCloudspaceAsync("alpha");
            await spot.DeleteAsync(spot.Path("cloudspaces", "alpha"));
            await spot.CreateCloudspaceAsync("beta");
        }

        var saved = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        Assert.Equal(1, saved["version"]!.GetValue<int>());
        Assert.Contains(saved["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "beta");
        Assert.DoesNotContain(saved["resources"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "alpha");
        Assert.Equal([file], Directory.GetFiles(Path.GetDirectoryName(file)!));
    }

    [Fact]
    public async Task Without_a_data_file_nothing_is_kept()
    {
        await using (var first = await EmulatorSession.StartAsync())
        {
            await first.CreateCloudspaceAsync("gone");
        }

        await using var second = await EmulatorSession.StartAsync();
        Assert.Empty(second.Host.ListResourceNames("cloudspaces"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
