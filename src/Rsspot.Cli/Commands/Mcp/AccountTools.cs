using Rsspot.Services;

namespace Rsspot.Cli.Commands.Mcp;

/// <summary>Read tools for what an account sees: organizations, regions, server classes.</summary>
internal static class AccountTools
{
    public static IEnumerable<McpTool> All() =>
    [
        McpTool.Read(
            "list_organizations",
            "List the organizations the token can see (name, id, namespace). Use it to find the organization to pass as a profile's org, or when an error says the organization is ambiguous.",
            new ToolSchema(),
            async (call, ct) =>
            {
                var orgs = await call.Client.Organizations.ListAsync(ct).ConfigureAwait(false);
                return ToolResults.All([.. orgs.Select(OrganizationsService.ToRef)], McpJson.Default.OrganizationRefArray);
            }),
        McpTool.Read(
            "list_regions",
            "List the Spot regions (name, country, description). Use it before choosing where to create a cloudspace or to filter server classes and prices by region.",
            new ToolSchema(),
            async (call, ct) => ToolResults.All(await call.Client.Regions.ListSummariesAsync(cancellationToken: ct).ConfigureAwait(false), McpJson.Default.RegionSummaryArray)),
        McpTool.Read(
            "list_server_classes",
            "List server classes (machine sizes) with CPU, memory, market, hammer and on-demand prices in USD per node-hour and availability. Filter by region, category and availability. For price percentiles and comparisons use list_prices or get_price instead.",
            new ToolSchema()
                .String("region", "Only this region, e.g. us-central-dfw-1.")
                .String("category", "Category or family: gp, ch, mh, or e.g. 'General Purpose'.")
                .String("availability", "Only this availability, e.g. available.")
                .Paged(),
            async (call, ct) =>
            {
                var classes = await call.Client.ServerClasses.ListSummariesAsync(call.String("region"), call.String("availability"), call.String("category"), ct).ConfigureAwait(false);
                return ToolResults.Page(call, classes, McpJson.Default.ServerClassSummaryArray, "server classes");
            }),
    ];
}
