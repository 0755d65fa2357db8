using System.Net;
using System.Text.Json.Nodes;
using Rsspot.Emulator.Tests.Auth;

namespace Rsspot.Emulator.Tests.Catalog;

public class OrganizationTests
{
    private const string OrganizationsPath = "/apis/auth.ngpc.rxt.io/v1/organizations";

    [Fact]
    public async Task Organizations_come_in_pages_linked_by_next_until_the_last_page()
    {
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { OrganizationName = "acme", OrganizationPageSize = 2 });
        var seen = new List<JsonObject>();
        string? next = OrganizationsPath;
        var pages = 0;
        while (!string.IsNullOrEmpty(next))
        {
            var (status, page) = await spot.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, status);
            var items = page["organizations"]!.AsArray().Select(o => o!.AsObject()).ToList();
            Assert.Equal(items.Count, page["length"]!.GetValue<int>());
            Assert.Equal(5, page["total"]!.GetValue<int>());
            Assert.True(items.Count <= 2);
            seen.AddRange(items);
            next = page["next"]?.GetValue<string>();
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(5, seen.Select(o => o["id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal("acme", seen[0]["name"]!.GetValue<string>());
        Assert.Equal(spot.Host.OrganizationId, seen[0]["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_organization_namespace_is_its_id_lower_cased_with_dashes()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (_, page) = await spot.GetAsync(OrganizationsPath + "?start=0&limit=2");

        foreach (var org in page["organizations"]!.AsArray())
        {
            var id = org!["id"]!.GetValue<string>();
            Assert.Matches("^org_2[0-9A-Za-z]+$", id);
            Assert.Equal("org-" + id[4..].ToLowerInvariant().Replace('_', '-'), org["metadata"]!["namespace"]!.GetValue<string>());
            Assert.False(string.IsNullOrEmpty(org["display_name"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task A_smaller_limit_and_a_start_select_the_page()
    {
        await using var spot = await EmulatorSession.StartAsync(new EmulatorOptions { OrganizationPageSize = 3 });

        var (_, page) = await spot.GetAsync(OrganizationsPath + "?start=4&limit=1");

        Assert.Equal(4, page["start"]!.GetValue<int>());
        Assert.Equal(1, page["length"]!.GetValue<int>());
        Assert.Null(page["next"]);
        Assert.Equal(spot.Host.Organizations[4].Id, page["organizations"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_namespace_of_another_organization_is_forbidden()
    {
        await using var spot = await EmulatorSession.StartAsync();

        var (status, body) = await spot.GetAsync(spot.Path("cloudspaces", ns: "org-2someoneelse"));
        var (createStatus, _) = await spot.SendAsync(HttpMethod.Post, spot.Path("cloudspaces", ns: "org-2someoneelse"), Objects.CloudSpace("x"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        AuthTests.AssertStatus(body, 403, "Forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, createStatus);
    }

    [Fact]
    public async Task Every_organization_of_the_caller_is_usable()
    {
        await using var spot = await EmulatorSession.StartAsync();

        foreach (var org in spot.Host.Organizations)
        {
            Assert.Equal(HttpStatusCode.OK, (await spot.GetAsync(spot.Path("cloudspaces", ns: org.Namespace))).Status);
        }
    }
}
