using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rsspot.Cli.Tests.Support;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.Input;

/// <summary>
/// The CLI checks a <c>cloudspaces create --file</c> spec against the JSON Schema it ships, and the shipped file, the
/// CLI and the format's guide say the same thing: every spec below gets one verdict from the schema and from the CLI,
/// YAML is typed by the YAML 1.2 core schema, keys may be spelt in any case, and a refusal names the key.
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

        // Refused by the schema alone: the values the command uses from these files come from its flags.
        { "ha-as-text", """{"haControlPlane":"true"}""", false },
        { "empty-region-in-spec", """{"spec":{"region":""}}""", false },
        { "kind-not-text", """{"kind":5}""", false },
        { "metadata-name-not-a-name", """{"metadata":{"name":"Bad_Name"}}""", false },
        { "top-name-not-a-name", """{"name":"Bad_Name"}""", false },
    };

    /// <summary>YAML specs the CLI refuses, and what its one line of complaint must say.</summary>
    public static TheoryData<string, string, string> Refusals => new()
    {
        { "ha-yes", "haControlPlane: yes\n", "haControlPlane: \"yes\" is invalid (expected true or false)" },
        { "quoted-negative-count", "onDemandNodePools:\n  - {serverClass: gp.vs1.large-dfw, desired: \"-1\"}\n", "onDemandNodePools[0].desired: \"-1\" is invalid: Node count (default 1). A whole number, 0 or more." },
        { "float-count", "onDemandNodePools:\n  - {serverClass: gp.vs1.large-dfw, desired: 1.5}\n", "onDemandNodePools[0].desired: 1.5 is invalid" },
        { "missing-bid", "spotNodePools:\n  - {server_class: gp.vs1.medium-dfw, desired: 2}\n", "spotNodePools[0]: bidPrice is required: Bid in USD per node-hour" },
        { "nested-typo", "spotNodePools:\n  - {serverClass: gp.vs1.medium-dfw, bidPrice: 0.08, desird: 2}\n", "spotNodePools[0]: unknown key 'desird'; did you mean 'desired'?" },
        { "top-typo", "region: us-central-dfw-1\nonDemandPool: []\n", "has an unknown key 'onDemandPool'; did you mean 'onDemandPools'?" },
        { "key-twice", "spotNodePools:\n  - {serverClass: a, server-class: b, bidPrice: 0.08}\n", "spotNodePools[0]: 'serverClass' is given twice, as 'serverClass' and as 'server-class'." },
        { "name-pattern", "metadata: {name: Bad_Name}\n", "metadata.name: \"Bad_Name\" is invalid: Cloudspace name" },
        { "pool-not-a-mapping", "onDemandNodePools:\n  - gp.vs1.large-dfw\n", "onDemandNodePools[0]: \"gp.vs1.large-dfw\" is invalid (expected a mapping)" },
        { "infinite-bid", "spotNodePools:\n  - {serverClass: gp.vs1.medium-dfw, bidPrice: .inf}\n", "spotNodePools[0].bidPrice: \".inf\" is invalid" },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task The_schema_and_the_cli_give_the_same_verdict(string label, string spec, bool valid)
    {
        var schemaVerdict = ReferenceSchema.Build(await File.ReadAllTextAsync(SchemaPath())).Accepts(spec);
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

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_yaml_spec_is_one_line_naming_the_key_and_creates_nothing(string label, string yaml, string complaint)
    {
        var file = Path.Combine(cli.Home, $"refused-{label}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        var name = "refused-" + label;

        var result = await cli.RunAsync("cloudspaces", "create", name, "--region", "us-central-dfw-1", "--file", file, "-o", "json");

        Assert.True(result.ExitCode == 2, $"{label}: {result}");
        Assert.StartsWith($"error: --file: '{file}'", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(complaint, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(5, (await cli.RunAsync("cloudspaces", "get", name, "--no-cache", "-o", "json")).ExitCode);
    }

    [Fact]
    public async Task A_yaml_spec_with_typed_scalars_and_keys_in_any_spelling_creates_what_it_says()
    {
        var file = Path.Combine(cli.Home, "spellings.yaml");
        await File.WriteAllTextAsync(file, """
            Kubernetes_Version: 1.31.1
            HA: false
            Spot-Node-Pools:
              - {SERVER_CLASS: gp.vs1.medium-dfw, Desired: 2, bid_price: 0.080, MIN: 1, max: 3}
            on_demand_pools:
              - {serverclass: gp.vs1.large-dfw, desired: "1"}
            """);

        var result = await cli.RunAsync("cloudspaces", "create", "spellings", "--region", "us-central-dfw-1", "--file", file, "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var created = JsonNode.Parse(result.Stdout)!;
        Assert.Equal("1.31.1", created["cloudspace"]!["spec"]!["kubernetesVersion"]!.GetValue<string>());
        var spot = created["spotNodePools"]![0]!["spec"]!;
        Assert.Equal("gp.vs1.medium-dfw", spot["serverClass"]!.GetValue<string>());
        Assert.Equal(2, spot["desired"]!.GetValue<int>());
        Assert.Equal("0.08", spot["bidPrice"]!.GetValue<string>());
        Assert.Equal(1, spot["autoscaling"]!["minNodes"]!.GetValue<int>());
        Assert.Equal(3, spot["autoscaling"]!["maxNodes"]!.GetValue<int>());
        var onDemand = created["onDemandNodePools"]![0]!["spec"]!;
        Assert.Equal("gp.vs1.large-dfw", onDemand["serverClass"]!.GetValue<string>());
        Assert.Equal(1, onDemand["desired"]!.GetValue<int>());
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "delete", "spellings", "--yes")).ExitCode);
    }

    [Fact]
    public async Task A_password_in_a_refused_value_stays_out_of_the_complaint()
    {
        var file = Path.Combine(cli.Home, "secret-webhook.yaml");
        await File.WriteAllTextAsync(file, "webhook: [https://hooks:Pa55-hunter2-word@hooks.example.com/spot]\n");

        var result = await cli.RunAsync("cloudspaces", "create", "secret-webhook", "--region", "us-central-dfw-1", "--file", file);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("webhook:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Pa55-hunter2-word", result.Stderr + result.Stdout, StringComparison.Ordinal);
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
        var guide = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "docs", "articles", "cloudspace-spec.md"));
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(SchemaPath()))!;
        var keys = Properties(schema)
            .Concat(Properties(schema["$defs"]!["cloudspace"]!))
            .Concat(Properties(schema["$defs"]!["spotPools"]!["items"]!))
            .Concat(Properties(schema["$defs"]!["onDemandPools"]!["items"]!))
            .Distinct(StringComparer.Ordinal);

        Assert.All(keys, key => Assert.Contains($"`{key}`", guide, StringComparison.Ordinal));
        Assert.Matches(new Regex(@"# yaml-language-server: \$schema="), guide);
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "README.md"));
        Assert.Contains("docs/articles/cloudspace-spec.md", readme, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Properties(JsonNode node) => node["properties"]!.AsObject().Select(p => p.Key);

    private static string SchemaPath() => Path.Combine(RepositoryRoot.Find(), "schemas", "cloudspace-spec.schema.json");
}
