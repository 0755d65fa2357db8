using Rsspot.Tests.Support;

namespace Rsspot.Tests.Client;

public sealed class SpotScopeTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void Disposing_an_ended_scope_again_leaves_the_active_scope_alone()
    {
        var first = SpotScope.UseProfile("p1");
        first.Dispose();
        using var second = SpotScope.UseProfile("p2");

        first.Dispose();

        Assert.Equal("p2", SpotScope.Profile);
    }

    [Fact]
    public void Scopes_disposed_out_of_order_restore_the_scope_still_open()
    {
        using var outer = SpotScope.UseRegion("outer-region");
        var p1 = SpotScope.UseProfile("p1");
        var p2 = SpotScope.UseProfile("p2");

        p1.Dispose();
        Assert.Equal("p2", SpotScope.Profile);
        p2.Dispose();

        Assert.Null(SpotScope.Profile);
        Assert.Equal("outer-region", SpotScope.Region);
        outer.Dispose();
        Assert.Null(SpotScope.Region);
    }

    [Fact]
    public async Task After_out_of_order_disposal_a_shared_client_of_the_scope_works_in_the_scope_still_open()
    {
        var emulator = fixture.Emulator;
        var org = emulator.Organizations[1];
        using var outer = SpotScope.UseOrg(org.Name);
        var inner = SpotScope.UseOrg(emulator.OrganizationName);
        var innermost = SpotScope.UseRegion("us-central-dfw-1");
        inner.Dispose();
        innermost.Dispose();

        using var client = EmulatorClients.Create(emulator, fixture.State.Path, o => o with { Org = SpotScope.Org, Region = SpotScope.Region });
        var current = await client.Organizations.CurrentAsync();

        Assert.Equal(org.Namespace, current.Namespace);
        Assert.Null(SpotScope.Region);
    }
}
