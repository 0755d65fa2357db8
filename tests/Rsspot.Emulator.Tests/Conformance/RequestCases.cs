using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Extensions;
using Microsoft.OpenApi.Readers;

namespace Rsspot.Emulator.Tests.Conformance;

/// <summary>
/// Generates invalid requests from the request schemas of spec/spot-api.yaml: starting from a valid body of each
/// resource that holds every nested object with a <c>required</c> list, each required property is left out, each
/// property gets a value of the wrong type and each enum a value outside it. Every case is sent as a create
/// (JSON), a JSON merge patch and a JSON Patch of an existing object.
/// </summary>
public static class RequestCases
{
    public const string CloudSpaceName = "schema-base";
    public const string SpotPoolName = "6c0f1f8a-2d44-4c1e-9a51-0d7f1b0b9e11";
    public const string OnDemandPoolName = "7d1a2b3c-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string VmPoolName = "8e2b3c4d-5f6a-4b7c-9d8e-0f1a2b3c4d5e";

    private static readonly Lazy<Generated> All = new(Generate);

    /// <summary>The valid bodies the cases start from, by kind.</summary>
    public static IReadOnlyDictionary<string, JsonObject> Bases { get; } = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
    {
        ["CloudSpace"] = (JsonObject)JsonNode.Parse(Named("""
            {"apiVersion":"ngpc.rxt.io/v1","kind":"CloudSpace",
             "metadata":{"name":"@cloudspace","labels":{"team":"blue"},"annotations":{"note":"base"},
               "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"0b6f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b"}]},
             "spec":{"region":"us-central-dfw-1","kubernetesVersion":"1.31.1","cni":"calico","HAControlPlane":false,"cloud":"default",
               "webhook":"https://hooks.example.invalid/spot","deploymentType":"gen2",
               "networks":[{"name":"net","subnet":"10.0.0.0/24"}],"servers":[{"class":"gp.vs1.medium-dfw","count":1}]}}
            """))!,
        ["SpotNodePool"] = (JsonObject)JsonNode.Parse(Named("""
            {"apiVersion":"ngpc.rxt.io/v1","kind":"SpotNodePool",
             "metadata":{"name":"@spotpool","labels":{"team":"blue"},
               "ownerReferences":[{"apiVersion":"ngpc.rxt.io/v1","kind":"CloudSpace","name":"@cloudspace","uid":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"}]},
             "spec":{"cloudSpace":"@cloudspace","serverClass":"gp.vs1.medium-dfw","bidPrice":"0.50","desired":1,
               "autoscaling":{"enabled":true,"minNodes":1,"maxNodes":3},
               "customTaints":[{"key":"dedicated","value":"gpu","effect":"NoSchedule","timeAdded":"2026-01-01T00:00:00Z"}],
               "customLabels":{"tier":"t1"},"customAnnotations":{"owner":"ops"}}}
            """))!,
        ["OnDemandNodePool"] = (JsonObject)JsonNode.Parse(Named("""
            {"apiVersion":"ngpc.rxt.io/v1","kind":"OnDemandNodePool",
             "metadata":{"name":"@ondemandpool","labels":{"team":"blue"},
               "ownerReferences":[{"apiVersion":"ngpc.rxt.io/v1","kind":"CloudSpace","name":"@cloudspace","uid":"1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"}]},
             "spec":{"cloudSpace":"@cloudspace","serverClass":"gp.vs1.medium-dfw","desired":1,
               "autoscaling":{"enabled":false},
               "customTaints":[{"key":"dedicated","effect":"NoExecute"}],
               "customLabels":{"tier":"t1"},"customAnnotations":{"owner":"ops"}}}
            """))!,
        ["VmSshKey"] = (JsonObject)JsonNode.Parse("""
            {"apiVersion":"ngpc.rxt.io/v1","kind":"VMSSHKey","metadata":{"name":"schema-key","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"0b6f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b"}]},
             "spec":{"publicKey":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2r6c4Jb2D0m9QkqvA5e9yVZzLQ1p4s8Xf0bT3aR7N base@host","description":"base"}}
            """)!,
        ["VmCloudSpace"] = (JsonObject)JsonNode.Parse("""
            {"apiVersion":"ngpc.rxt.io/v1","kind":"VMCloudSpace","metadata":{"name":"schema-vm-base","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"0b6f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b"}]},
             "spec":{"region":"us-central-dfw-1","webhook":"https://hooks.example.invalid/vm","vmSshKeyRef":{"name":"schema-key"}}}
            """)!,
        ["VmPool"] = (JsonObject)JsonNode.Parse(Named("""
            {"apiVersion":"ngpc.rxt.io/v1","kind":"VMPool","metadata":{"name":"@vmpool","ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"0b6f2a4e-1c3d-4e5f-8a9b-0c1d2e3f4a5b"}]},
             "spec":{"vmCloudSpace":"schema-vm-base","serverClass":"gp.vs1.medium-dfw","bidPrice":"0.500","desired":1,
               "poolType":"spot","vmImage":"ubuntu24.04","vmUserData":"IyEvYmluL3NoCg=="}}
            """))!,
    };

    /// <summary>The kinds the API takes no patch for (VM SSH keys are created and deleted only).</summary>
    private static readonly HashSet<string> CreateOnly = new(StringComparer.Ordinal) { "VmSshKey" };

    private static string Named(string json) => json
        .Replace("@cloudspace", CloudSpaceName, StringComparison.Ordinal)
        .Replace("@spotpool", SpotPoolName, StringComparison.Ordinal)
        .Replace("@ondemandpool", OnDemandPoolName, StringComparison.Ordinal)
        .Replace("@vmpool", VmPoolName, StringComparison.Ordinal);

    public static IReadOnlyDictionary<string, RequestCase> Cases => All.Value.Cases;

    /// <summary>Required properties of the request schemas (as <c>Kind: path</c>) that no base body holds, so no case can test them.</summary>
    public static IReadOnlyList<string> Uncovered => All.Value.Uncovered;

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    private static Generated Generate()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "spec", "spot-api.yaml");
        var openApi = new OpenApiStreamReader().Read(File.OpenRead(path), out _);
        var document = JsonNode.Parse(openApi.SerializeAsJson(OpenApiSpecVersion.OpenApi3_0))!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var cases = new Dictionary<string, RequestCase>(StringComparer.Ordinal);
        var uncovered = new List<string>();
        foreach (var (kind, body) in Bases)
        {
            var walker = new Walker(schemas, kind, body);
            walker.Walk(body, schemas[kind]!.AsObject(), []);
            foreach (var mutation in walker.Mutations)
            {
                foreach (var requestCase in walker.Requests(mutation).Where(c => c.Operation == "create" || !CreateOnly.Contains(kind)))
                {
                    cases[requestCase.Id] = requestCase;
                }
            }

            var required = new SortedSet<string>(StringComparer.Ordinal);
            RequiredPaths(schemas, schemas[kind]!.AsObject(), string.Empty, required, 0);
            uncovered.AddRange(required.Except(walker.CoveredRequired).Select(p => $"{kind}: {p}"));
        }

        return new Generated(cases, uncovered);
    }

    // Every required property reachable from a resource schema (its status aside), as "spec.customTaints[].effect".
    private static void RequiredPaths(JsonObject schemas, JsonObject schema, string path, SortedSet<string> found, int depth)
    {
        schema = Resolve(schemas, schema);
        if (depth > 12)
        {
            return;
        }

        foreach (var name in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            found.Add(Join(path, name));
        }

        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            if (path.Length == 0 && name == "status")
            {
                continue;
            }

            RequiredPaths(schemas, property!.AsObject(), Join(path, name), found, depth + 1);
        }

        if (schema["items"] is JsonObject items)
        {
            RequiredPaths(schemas, items, path + "[]", found, depth + 1);
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            RequiredPaths(schemas, additional, path + "[]", found, depth + 1);
        }
    }

    private static JsonObject Resolve(JsonObject schemas, JsonObject schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = schemas[reference[(reference.LastIndexOf('/') + 1)..]]!.AsObject();
        }

        return schema;
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private sealed record Generated(Dictionary<string, RequestCase> Cases, List<string> Uncovered);

    // One change to a base body: tokens locate the property (strings for members, ints for array items);
    // Value null means "leave it out".
    private sealed record Mutation(string Description, List<object> Tokens, JsonNode? Value, string Field);

    private sealed class Walker(JsonObject schemas, string kind, JsonObject body)
    {
        public List<Mutation> Mutations { get; } = [];

        public HashSet<string> CoveredRequired { get; } = new(StringComparer.Ordinal);

        public void Walk(JsonNode? node, JsonObject schema, List<object> tokens)
        {
            schema = Resolve(schemas, schema);
            switch (node)
            {
                case JsonObject map:
                    var required = schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
                    foreach (var name in required.Where(map.ContainsKey))
                    {
                        var at = tokens.Append(name).ToList();
                        CoveredRequired.Add(SchemaPath(at));
                        Mutations.Add(new Mutation("missing", at, null, FieldPath(at)));
                    }

                    foreach (var (name, value) in map)
                    {
                        var at = tokens.Append(name).ToList();
                        if (schema["properties"]?[name] is JsonObject property)
                        {
                            AddWrongValues(property, at);
                            Walk(value, property, at);
                        }
                        else if (schema["additionalProperties"] is JsonObject additional)
                        {
                            AddWrongValues(additional, at);
                            Walk(value, additional, at);
                        }
                    }

                    break;
                case JsonArray list when schema["items"] is JsonObject items:
                    for (var i = 0; i < list.Count; i++)
                    {
                        Walk(list[i], items, tokens.Append(i).ToList());
                    }

                    break;
            }
        }

        public IEnumerable<RequestCase> Requests(Mutation mutation)
        {
            var changed = (JsonObject)body.DeepClone();
            Set(changed, mutation.Tokens, mutation.Value);
            var label = $"{kind} {mutation.Field} {mutation.Description}";
            yield return new RequestCase($"create: {label}", kind, "create", "application/json", changed.ToJsonString(), mutation.Field);
            yield return new RequestCase($"merge-patch: {label}", kind, "patch", "application/merge-patch+json", MergePatch(changed, mutation).ToJsonString(), mutation.Field);
            var pointer = "/" + string.Join("/", mutation.Tokens.Select(t => t.ToString()!.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
            var operation = mutation.Value is null
                ? new JsonObject { ["op"] = "remove", ["path"] = pointer }
                : new JsonObject { ["op"] = "replace", ["path"] = pointer, ["value"] = mutation.Value.DeepClone() };
            yield return new RequestCase($"json-patch: {label}", kind, "patch", "application/json-patch+json", new JsonArray(operation).ToJsonString(), mutation.Field);
        }

        private void AddWrongValues(JsonObject property, List<object> at)
        {
            property = Resolve(schemas, property);
            var type = property["type"]?.GetValue<string>();
            JsonNode? wrong = type switch
            {
                "string" => 12345,
                "integer" => "one",
                "number" => "one",
                "boolean" => "yes",
                "array" => new JsonObject { ["k"] = "v" },
                "object" => "text",
                _ => null,
            };
            if (wrong is not null)
            {
                Mutations.Add(new Mutation($"as {wrong.GetValueKind().ToString().ToLowerInvariant()} instead of {type}", at, wrong, FieldPath(at)));
            }

            if (type == "integer")
            {
                Mutations.Add(new Mutation("as a fraction instead of integer", at, 1.5, FieldPath(at)));
            }

            if (property["enum"] is JsonArray)
            {
                Mutations.Add(new Mutation("outside its enum", at, "Bogus", FieldPath(at)));
            }
        }

        // A merge patch cannot reach into an array: the first array on the way is sent whole.
        private static JsonObject MergePatch(JsonObject changed, Mutation mutation)
        {
            var arrayAt = mutation.Tokens.FindIndex(t => t is int);
            var length = arrayAt < 0 ? mutation.Tokens.Count - 1 : arrayAt - 1;
            JsonNode? leaf = arrayAt < 0 ? mutation.Value?.DeepClone() : Get(changed, mutation.Tokens.Take(arrayAt).ToList())?.DeepClone();
            var patch = new JsonObject();
            var current = patch;
            for (var i = 0; i < length; i++)
            {
                var next = new JsonObject();
                current[(string)mutation.Tokens[i]] = next;
                current = next;
            }

            current[(string)mutation.Tokens[length]] = leaf;
            return patch;
        }

        private static JsonNode? Get(JsonNode root, List<object> tokens)
        {
            var node = root;
            foreach (var token in tokens)
            {
                node = token is int index ? node!.AsArray()[index] : node!.AsObject()[(string)token];
            }

            return node;
        }

        private static void Set(JsonNode root, List<object> tokens, JsonNode? value)
        {
            var parent = Get(root, tokens[..^1])!;
            if (tokens[^1] is int index)
            {
                parent.AsArray()[index] = value?.DeepClone();
            }
            else if (value is null)
            {
                parent.AsObject().Remove((string)tokens[^1]);
            }
            else
            {
                parent.AsObject()[(string)tokens[^1]] = value.DeepClone();
            }
        }

        // Kubernetes field paths: spec.customTaints[0].effect, metadata.labels[team].
        private string FieldPath(List<object> tokens)
        {
            var text = string.Empty;
            JsonObject? schema = Resolve(schemas, schemas[kind]!.AsObject());
            foreach (var token in tokens)
            {
                if (token is int index)
                {
                    text += $"[{index}]";
                    schema = schema?["items"] is JsonObject items ? Resolve(schemas, items) : null;
                }
                else if (schema?["properties"]?[(string)token] is JsonObject property)
                {
                    text = Join(text, (string)token);
                    schema = Resolve(schemas, property);
                }
                else
                {
                    text += $"[{token}]";
                    schema = schema?["additionalProperties"] is JsonObject additional ? Resolve(schemas, additional) : null;
                }
            }

            return text;
        }

        private static string SchemaPath(List<object> tokens) =>
            tokens.Aggregate(string.Empty, (path, token) => token is int ? path + "[]" : Join(path, (string)token));
    }
}
