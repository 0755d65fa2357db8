using Rsspot.SpecTool;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.SpecTool;

public sealed class SpecToolTests
{
    private static readonly string Root = RepositoryRoot.Find();
    private static readonly string Spec = Path.Combine(Root, "spec", "spot-api.yaml");

    [Fact]
    public void The_project_spec_passes_lint()
    {
        var (code, output, errors) = Run("lint", Spec);

        Assert.True(code == 0, errors);
        Assert.Contains("OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_names_the_problem_and_where_it_is()
    {
        using var dir = new TempDirectory();
        var broken = Path.Combine(dir.Path, "broken.yaml");
        var text = File.ReadAllText(Spec).Replace("operationId: listRegions", "operationId: List-Regions", StringComparison.Ordinal);
        File.WriteAllText(broken, text);
        var getLine = text[..text.IndexOf("operationId: List-Regions", StringComparison.Ordinal)].Count(c => c == '\n');

        var (code, _, errors) = Run("lint", broken);

        Assert.Equal(1, code);
        Assert.Contains($"{broken}({getLine},5): error RSSPEC: at #/paths/~1apis~1ngpc.rxt.io~1v1~1regions/get:", errors, StringComparison.Ordinal);
        Assert.Contains("List-Regions", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_rejects_a_file_that_is_not_openapi()
    {
        using var dir = new TempDirectory();
        var broken = Path.Combine(dir.Path, "broken.yaml");
        File.WriteAllText(broken, "openapi: 3.0.3\ninfo: [not, a, map]\npaths:\n  /x:\n    get:\n      responses: 7\n");

        var (code, _, errors) = Run("lint", broken);

        Assert.Equal(1, code);
        Assert.Contains(broken, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_reports_a_YAML_syntax_error_with_its_line()
    {
        using var dir = new TempDirectory();
        var broken = Path.Combine(dir.Path, "broken.yaml");
        File.WriteAllText(broken, "openapi: 3.0.3\ninfo:\n  title: x\n  title: y\npaths: {}\n");

        var (code, _, errors) = Run("lint", broken);

        Assert.Equal(1, code);
        Assert.Contains($"{broken}(4,", errors, StringComparison.Ordinal);
        Assert.Contains("title", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_the_spec_with_itself_finds_nothing()
    {
        var (code, output, _) = Run("diff", Spec, Spec);

        Assert.Equal(0, code);
        Assert.Contains("missing: 0, added: 0, changed: 0, schemas changed: 0, constraints missing or undocumented: 0, documented stricter: 0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_lists_the_autopilot_operations_as_additions_with_their_source_notes()
    {
        using var dir = new TempDirectory();
        var text = File.ReadAllText(Spec);
        var start = text.IndexOf("  /apis/ngpc.rxt.io/v1/namespaces/{namespace}/autopilotnodepools:", StringComparison.Ordinal);
        var end = text.IndexOf("  /apis/ngpc.rxt.io/v1/namespaces/{namespace}/ondemandnodepools:", StringComparison.Ordinal);
        Assert.True(start > 0 && end > start);
        var upstream = Path.Combine(dir.Path, "upstream.yaml");
        File.WriteAllText(upstream, text.Remove(start, end - start));

        var (code, output, _) = Run("diff", upstream, Spec);

        Assert.Equal(0, code);
        Assert.Contains("missing: 0, added: 5,", output, StringComparison.Ordinal);
        foreach (var operation in new[] { "GET", "POST" })
        {
            Assert.Contains($"- {operation} /apis/ngpc.rxt.io/v1/namespaces/{{namespace}}/autopilotnodepools (source: Go SDK", output, StringComparison.Ordinal);
        }

        Assert.Contains("- PATCH /apis/ngpc.rxt.io/v1/namespaces/{namespace}/autopilotnodepools/{name} (source: Go SDK UpdateAutopilotNodePool", output, StringComparison.Ordinal);
        Assert.Contains("are inferred", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_exits_1_and_lists_an_operation_the_spec_lacks()
    {
        using var dir = new TempDirectory();
        var upstream = Path.Combine(dir.Path, "upstream.yaml");
        File.WriteAllText(upstream, File.ReadAllText(Spec).Replace(
            "  /percentiles.json:",
            "  /newthing:\n    get:\n      operationId: newThing\n      responses:\n        '200':\n          description: ok\n  /percentiles.json:",
            StringComparison.Ordinal));

        var (code, output, _) = Run("diff", upstream, Spec);

        Assert.Equal(1, code);
        Assert.Contains("- GET /newthing", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_reports_removed_and_retyped_properties()
    {
        using var dir = new TempDirectory();
        var changed = Path.Combine(dir.Path, "changed.yaml");
        var text = File.ReadAllText(Spec)
            .Replace("        bidPrice:\n          type: string\n          description: Highest", "        bidPrice:\n          type: number\n          description: Highest", StringComparison.Ordinal)
            .Replace("        sshSecretName:\n          type: string\n", string.Empty, StringComparison.Ordinal);
        File.WriteAllText(changed, text);

        var (_, output, _) = Run("diff", Spec, changed);

        Assert.Contains("retyped `spec.bidPrice: string -> number`", output, StringComparison.Ordinal);
        Assert.Contains("removed `status.sshSecretName`", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_lists_every_operation_with_its_host_and_auth()
    {
        var (code, output, _) = Run("index", Spec);

        Assert.Equal(0, code);
        Assert.Contains("48 operations.", output, StringComparison.Ordinal);
        Assert.Contains("| POST | `/apis/ngpc.rxt.io/v1/namespaces/{namespace}/vmpools` | createVmPool | vmpools | bearer |", output, StringComparison.Ordinal);
        Assert.Contains("| POST | `/oauth/token` | exchangeToken | oauth | none | https://login.spot.rackspace.com |", output, StringComparison.Ordinal);
        Assert.Contains("| GET | `/apis/ngpc.rxt.io/v1/regions` | listRegions | regions | bearer |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_lists_the_VM_resources_as_additions_with_their_sources()
    {
        using var dir = new TempDirectory();
        var upstream = Path.Combine(dir.Path, "upstream.json");
        File.WriteAllText(upstream, WithoutVmResources());

        var (code, output, _) = Run("diff", upstream, Spec);

        Assert.Equal(0, code);
        Assert.Contains("missing: 0,", output, StringComparison.Ordinal);
        Assert.Contains("- POST /apis/ngpc.rxt.io/v1/namespaces/{namespace}/vmsshkeys", output, StringComparison.Ordinal);
        Assert.Contains("## Additions and their sources (x-rsspot-source)", output, StringComparison.Ordinal);
        Assert.Contains("- operation `PATCH /apis/ngpc.rxt.io/v1/namespaces/{namespace}/vmpools/{name}`: certain: spot-go-sdk", output, StringComparison.Ordinal);
        Assert.Contains("- schema `VmSshKey`: certain:", output, StringComparison.Ordinal);
        Assert.Contains("- property `VmPoolSpec.poolType`: inferred:", output, StringComparison.Ordinal);
    }

    // The spec as an older file would have it: no VM operations and no VM schemas.
    private static string WithoutVmResources()
    {
        var document = new Microsoft.OpenApi.Readers.OpenApiStreamReader().Read(File.OpenRead(Spec), out _);
        foreach (var path in document.Paths.Keys.Where(p => p.Contains("/vm", StringComparison.Ordinal)).ToList())
        {
            document.Paths.Remove(path);
        }

        foreach (var schema in document.Components.Schemas.Keys.Where(k => k.StartsWith("Vm", StringComparison.Ordinal)).ToList())
        {
            document.Components.Schemas.Remove(schema);
        }

        return Microsoft.OpenApi.Extensions.OpenApiSerializableExtensions.SerializeAsJson(document, Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0);
    }

    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = SpecCommands.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
