using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Input;

/// <summary>
/// The shipped JSON Schema of the <c>cloudspaces create --file</c> format, the CLI's own checks of a spec file and
/// the format's guide say the same thing: every spec below gets one verdict from the schema and from the CLI.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CloudspaceSpecSchemaTests(CliFixture cli) : IClassFixture<CliFixture>
{
    private const string Uuid = "0b9c6c3e-2f55-4f63-9d3c-6a1f1d0e8e21";

    public static TheoryData<string, string, bool> Specs => new()
    {
        { "pools", """{"spotNodePools":[{"serverClass":"gp.vs1.medium-dfw","desired":2,"bidPrice":0.08}],"onDemandNodePools":[{"serverClass":"gp.vs1.large-dfw","desired":1}]}""", true },
        { "settings", """{"kubernetesVersion":"1.31.1","cni":"calico","haControlPlane":true,"spotPools":[{"serverClass":"gp.vs1.medium-dfw","bidPrice":"$0.08","min":1,"max":3}]}""", true },
        { "kubernetes-shape", $$$"""{"apiVersion":"ngpc.rxt.io/v1","kind":"CloudSpace","metadata":{"name":"shaped"},"spec":{"region":"us-central-dfw-1","spotNodePools":[{"serverClass":"gp.vs1.medium-dfw","bidPrice":0.08,"name":"{{{Uuid}}}"}]}}""", true },
        { "deployment", """{"$schema":"./cloudspace-spec.schema.json","region":"us-central-dfw-1","deploymentType":"gen2","cloud":"default","webhook":"https://hooks.example.com/spot"}""", true },
        { "unknown-key", """{"spotPool":[{"serverClass":"gp.vs1.medium-dfw","bidPrice":0.08}]}""", false },
        { "no-bid", """{"spotNodePools":[{"serverClass":"gp.vs1.medium-dfw","desired":1}]}""", false },
        { "no-class", """{"spotNodePools":[{"bidPrice":0.08}]}""", false },
        { "unknown-pool-key", """{"spotNodePools":[{"serverClass":"gp.vs1.medium-dfw","bidPrise":0.08}]}""", false },
        { "negative-desired", """{"onDemandNodePools":[{"serverClass":"gp.vs1.large-dfw","desired":-1}]}""", false },
        { "text-desired", """{"onDemandNodePools":[{"serverClass":"gp.vs1.large-dfw","desired":"two"}]}""", false },
        { "text-bid", """{"spotNodePools":[{"serverClass":"gp.vs1.medium-dfw","bidPrice":"abc"}]}""", false },
        { "zero-bid", """{"spotNodePools":[{"serverClass":"gp.vs1.medium-dfw","bidPrice":0}]}""", false },
        { "pools-not-a-list", """{"spotNodePools":{"serverClass":"gp.vs1.medium-dfw","bidPrice":0.08}}""", false },
        { "pool-not-a-mapping", """{"onDemandNodePools":["gp.vs1.large-dfw"]}""", false },
        { "pool-name-not-uuid", """{"onDemandNodePools":[{"serverClass":"gp.vs1.large-dfw","name":"pool-1"}]}""", false },
        { "ha-not-boolean", """{"haControlPlane":"maybe"}""", false },
        { "bid-on-demand", """{"onDemandNodePools":[{"serverClass":"gp.vs1.large-dfw","bidPrice":0.08}]}""", false },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task The_schema_and_the_cli_give_the_same_verdict(string label, string spec, bool valid)
    {
        var schemaVerdict = Schema().Evaluate(JsonDocument.Parse(spec).RootElement).IsValid;
        Assert.True(schemaVerdict == valid, $"{label}: the schema says {(schemaVerdict ? "valid" : "invalid")}");

        var file = Path.Combine(cli.Home, $"spec-{label}.json");
        await File.WriteAllTextAsync(file, spec);
        var name = "spec-" + label;
        var result = await cli.RunAsync("cloudspaces", "create", name, "--region", "us-central-dfw-1", "--file", file, "-o", "json");
        if (valid)
        {
            Assert.True(result.ExitCode == 0, $"{label}: {result}");
            Assert.Equal(0, (await cli.RunAsync("cloudspaces", "delete", name, "--yes")).ExitCode);
        }
        else
        {
            Assert.True(result.ExitCode == 2, $"{label}: {result}");
            Assert.StartsWith("error: --file: ", result.Stderr, StringComparison.Ordinal);
            Assert.Equal(5, (await cli.RunAsync("cloudspaces", "get", name, "--no-cache", "-o", "json")).ExitCode);
        }
    }

    [Fact]
    public async Task The_tool_prints_the_schema_it_ships()
    {
        var printed = await cli.RunAsync("cloudspaces", "spec-schema");

        Assert.Equal(0, printed.ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(SchemaPath()), printed.Stdout);
    }

    [Fact]
    public async Task The_guide_documents_every_key_of_the_schema_and_the_editor_line()
    {
        var guide = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "articles", "cloudspace-spec.md"));
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(SchemaPath()))!;
        var keys = Properties(schema)
            .Concat(Properties(schema["$defs"]!["cloudspace"]!))
            .Concat(Properties(schema["$defs"]!["spotPools"]!["items"]!))
            .Concat(Properties(schema["$defs"]!["onDemandPools"]!["items"]!))
            .Distinct(StringComparer.Ordinal);

        Assert.All(keys, key => Assert.Contains($"`{key}`", guide, StringComparison.Ordinal));
        Assert.Matches(new Regex(@"# yaml-language-server: \$schema="), guide);
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.Contains("docs/articles/cloudspace-spec.md", readme, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Properties(JsonNode node) => node["properties"]!.AsObject().Select(p => p.Key);

    private static JsonSchema Schema()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SchemaPath()));
        return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri("https://rsspot.invalid/cloudspace-spec.schema.json"));
    }

    private static string SchemaPath() => Path.Combine(RepositoryRoot(), "schemas", "cloudspace-spec.schema.json");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rsspot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Rsspot.sln not found above the test binaries.");
    }
}
