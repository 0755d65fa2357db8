using Rsspot.Services;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Read tools for what an account sees: organizations, regions, server classes.</summary>
internal static class AccountTools
{
    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Read(
            "list_organizations",
            "List the organizations the token can see (name, id, namespace). Use it to see which organization this server works in, or when an error says the organization is ambiguous.",
            new ToolSchema(),
            Shape.List(AccountResults.OrganizationSchema()),
            async (call, ct) =>
            {
                var orgs = await call.Client.Organizations.ListAsync(ct).ConfigureAwait(false);
                return Json.List(orgs.Select(o => AccountResults.Organization(OrganizationsService.ToRef(o))));
            }),
        McpTool.Read(
            "list_regions",
            "List the Spot regions (name, country, description). Use it before choosing where to create a cloudspace or to filter server classes and prices by region.",
            new ToolSchema(),
            Shape.List(AccountResults.RegionSchema()),
            async (call, ct) => Json.List((await call.Client.Regions.ListSummariesAsync(cancellationToken: ct).ConfigureAwait(false)).Select(AccountResults.Region))),
        McpTool.Read(
            "list_server_classes",
            "List server classes (machine sizes) with CPU, memory, market, hammer and on-demand prices in USD per node-hour, availability and capacity (the most nodes a pool of the class can have). Filter by region, category and availability. For price percentiles and comparisons use list_prices or get_price instead.",
            new ToolSchema()
                .String("region", "Only this region, e.g. us-central-dfw-1.")
                .String("category", "Category or family: gp, ch, mh, or e.g. 'General Purpose'.")
                .String("availability", "Only this availability, e.g. available.")
                .Paged(),
            Shape.Page(AccountResults.ServerClassSchema()),
            async (call, ct) =>
            {
                var classes = await call.Client.ServerClasses.ListSummariesAsync(call.String("region"), call.String("availability"), call.String("category"), ct).ConfigureAwait(false);
                return ToolResults.Page(call, classes.Select(AccountResults.ServerClass), "server classes");
            }),
    ];
}
