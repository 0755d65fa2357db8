using System.Text;
using System.Text.Json;
using Rsspot.Security;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rsspot.Kubernetes;

/// <summary>
/// Kubeconfig documents: reads the cluster and token of a generated one, writes exec kubeconfigs whose user runs a
/// credential plugin, and merges entries into (or removes them from) a user's kubeconfig file, keeping its other
/// entries and its file mode.
/// </summary>
public static class Kubeconfigs
{
    /// <summary>
    /// The kubeconfig file kubectl uses: the first existing file of <c>KUBECONFIG</c> (or its first entry when none
    /// exists), else <c>~/.kube/config</c>.
    /// </summary>
    /// <param name="kubeconfigVariable">The value of <c>KUBECONFIG</c>; null for unset.</param>
    /// <param name="homeDirectory">The home directory.</param>
    public static string DefaultPath(string? kubeconfigVariable, string homeDirectory)
    {
        var entries = (kubeconfigVariable ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length > 0)
        {
            return entries.FirstOrDefault(File.Exists) ?? entries[0];
        }

        return Path.Combine(homeDirectory, ".kube", "config");
    }

    /// <summary>Reads the cluster and user of the current context (or the first ones) of a kubeconfig.</summary>
    /// <exception cref="InvalidDataException">The text is not a kubeconfig with a cluster server.</exception>
    public static KubeconfigCluster ReadCluster(string kubeconfig)
    {
        var root = LoadRoot(kubeconfig);
        var current = Text(root, "current-context");
        var context = Named(root, "contexts", current)?["context"] as YamlMappingNode ?? Entries(root, "contexts").FirstOrDefault()?["context"] as YamlMappingNode;
        var cluster = (Named(root, "clusters", context is null ? null : Text(context, "cluster")) ?? Entries(root, "clusters").FirstOrDefault())?["cluster"] as YamlMappingNode
            ?? throw new InvalidDataException("The kubeconfig names no cluster.");
        var user = (Named(root, "users", context is null ? null : Text(context, "user")) ?? Entries(root, "users").FirstOrDefault())?["user"] as YamlMappingNode;
        var server = Text(cluster, "server") is { Length: > 0 } s && Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? s
            : throw new InvalidDataException("The kubeconfig's cluster has no server URL.");
        return new KubeconfigCluster(
            server,
            Text(cluster, "certificate-authority-data"),
            string.Equals(Text(cluster, "insecure-skip-tls-verify"), "true", StringComparison.OrdinalIgnoreCase),
            user is null ? null : Text(user, "token"));
    }

    /// <summary>The <c>exp</c> claim of a JWT (not verified: only to know when to fetch a new one), or null when the token is not a JWT with one.</summary>
    public static DateTimeOffset? TokenExpiry(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 })
        {
            return null;
        }

        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            using var json = JsonDocument.Parse(Convert.FromBase64String(payload));
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds)
                && seconds is > 0 and < 253_402_300_800
                    ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                    : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A kubeconfig with one cluster, one user and one context, all named <paramref name="name"/>, whose user runs
    /// <paramref name="exec"/> as a <c>client.authentication.k8s.io/v1</c> credential plugin (it holds no secret).
    /// </summary>
    public static string CreateExec(string name, KubeconfigCluster cluster, KubeconfigExecCommand exec, string? contextNamespace = "default")
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(exec);
        var clusterNode = new YamlMappingNode { { "server", cluster.Server } };
        if (cluster.CertificateAuthorityData is { Length: > 0 } ca)
        {
            clusterNode.Add("certificate-authority-data", ca);
        }
        else if (cluster.InsecureSkipTlsVerify)
        {
            clusterNode.Add("insecure-skip-tls-verify", new YamlScalarNode("true") { Style = ScalarStyle.Plain });
        }

        var execNode = new YamlMappingNode
        {
            { "apiVersion", ExecCredential.ApiVersion },
            { "command", exec.Command },
            { "args", new YamlSequenceNode(exec.Args.Select(a => (YamlNode)new YamlScalarNode(a))) },
            { "interactiveMode", "Never" },
            { "provideClusterInfo", new YamlScalarNode("false") { Style = ScalarStyle.Plain } },
        };
        if (exec.InstallHint is { Length: > 0 } hint)
        {
            execNode.Add("installHint", hint);
        }

        var context = new YamlMappingNode { { "cluster", name }, { "user", name } };
        if (contextNamespace is { Length: > 0 })
        {
            context.Add("namespace", contextNamespace);
        }

        var root = new YamlMappingNode
        {
            { "apiVersion", "v1" },
            { "kind", "Config" },
            { "clusters", new YamlSequenceNode(new YamlMappingNode { { "name", name }, { "cluster", clusterNode } }) },
            { "contexts", new YamlSequenceNode(new YamlMappingNode { { "name", name }, { "context", context } }) },
            { "current-context", name },
            { "preferences", new YamlMappingNode() },
            { "users", new YamlSequenceNode(new YamlMappingNode { { "name", name }, { "user", new YamlMappingNode { { "exec", execNode } } } }) },
        };
        return Save(root);
    }

    /// <summary>
    /// Adds the clusters, users and contexts of <paramref name="added"/> to <paramref name="existing"/>, replacing
    /// entries of the same name and keeping every other entry; sets <c>current-context</c> when
    /// <paramref name="setCurrent"/> is true or the existing document has none. Merging the same document twice
    /// gives the same result.
    /// </summary>
    /// <exception cref="InvalidDataException">A document is not a kubeconfig mapping.</exception>
    public static string Merge(string? existing, string added, bool setCurrent)
    {
        var root = string.IsNullOrWhiteSpace(existing) ? new YamlMappingNode { { "apiVersion", "v1" }, { "kind", "Config" } } : LoadRoot(existing);
        var add = LoadRoot(added);
        foreach (var list in new[] { "clusters", "users", "contexts" })
        {
            var target = root.Children.TryGetValue(new YamlScalarNode(list), out var node) && node is YamlSequenceNode seq ? seq : null;
            if (target is null)
            {
                target = new YamlSequenceNode();
                root.Children[new YamlScalarNode(list)] = target;
            }

            foreach (var entry in Entries(add, list))
            {
                var name = Text(entry, "name");
                var at = target.Children.ToList().FindIndex(e => e is YamlMappingNode m && Text(m, "name") == name);
                if (at >= 0)
                {
                    target.Children[at] = entry;
                }
                else
                {
                    target.Children.Add(entry);
                }
            }
        }

        if ((setCurrent || string.IsNullOrEmpty(Text(root, "current-context"))) && Text(add, "current-context") is { Length: > 0 } current)
        {
            root.Children[new YamlScalarNode("current-context")] = new YamlScalarNode(current);
        }

        return Save(root);
    }

    /// <summary>
    /// Removes the context <paramref name="contextName"/> and the cluster and user it names (when no other context
    /// uses them); clears <c>current-context</c> when it was that context. Null when there is no such context.
    /// </summary>
    public static string? RemoveContext(string existing, string contextName)
    {
        var root = LoadRoot(existing);
        if (Named(root, "contexts", contextName) is not { } entry)
        {
            return null;
        }

        var context = entry["context"] as YamlMappingNode;
        Sequence(root, "contexts")!.Children.Remove(entry);
        foreach (var (list, key) in new[] { ("clusters", "cluster"), ("users", "user") })
        {
            var name = context is null ? null : Text(context, key);
            var stillUsed = Entries(root, "contexts").Any(c => c["context"] is YamlMappingNode m && Text(m, key) == name);
            if (name is not null && !stillUsed && Named(root, list, name) is { } owned)
            {
                Sequence(root, list)!.Children.Remove(owned);
            }
        }

        if (Text(root, "current-context") == contextName)
        {
            root.Children[new YamlScalarNode("current-context")] = new YamlScalarNode(string.Empty);
        }

        return Save(root);
    }

    /// <summary>True when <paramref name="kubeconfig"/> has a context named <paramref name="contextName"/>.</summary>
    public static bool HasContext(string kubeconfig, string contextName) => Named(LoadRoot(kubeconfig), "contexts", contextName) is not null;

    /// <summary>
    /// Merges <paramref name="added"/> into the kubeconfig file at <paramref name="path"/> (created with mode 0600
    /// when missing), atomically, keeping the file's mode. See <see cref="Merge"/>.
    /// </summary>
    public static void MergeIntoFile(string path, string added, bool setCurrent)
    {
        var existing = File.Exists(path) ? BoundedFile.ReadAllText(path) : null;
        WriteKeepingMode(path, Merge(existing, added, setCurrent));
    }

    /// <summary>Removes a context (see <see cref="RemoveContext"/>) from the file at <paramref name="path"/>; false when it had none.</summary>
    public static bool RemoveContextFromFile(string path, string contextName)
    {
        if (!File.Exists(path) || RemoveContext(BoundedFile.ReadAllText(path), contextName) is not { } updated)
        {
            return false;
        }

        WriteKeepingMode(path, updated);
        return true;
    }

    private static void WriteKeepingMode(string path, string text)
    {
        UnixFileMode? mode = !OperatingSystem.IsWindows() && File.Exists(path) ? File.GetUnixFileMode(AtomicFile.FinalTarget(Path.GetFullPath(path))) : null;
        AtomicFile.WriteAllText(path, text);
        if (mode is { } keep && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(AtomicFile.FinalTarget(Path.GetFullPath(path)), keep);
        }
    }

    private static YamlMappingNode LoadRoot(string text)
    {
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(text);
        }
        catch (YamlException ex)
        {
            throw new InvalidDataException($"The kubeconfig is not valid YAML (line {ex.Start.Line}).", ex);
        }

        return stream.Documents.Count == 0
            ? new YamlMappingNode()
            : stream.Documents[0].RootNode as YamlMappingNode ?? throw new InvalidDataException("The kubeconfig is not a YAML mapping.");
    }

    private static string Save(YamlMappingNode root)
    {
        var stream = new YamlStream(new YamlDocument(root));
        var text = new StringBuilder();
        using (var writer = new StringWriter(text))
        {
            stream.Save(writer, assignAnchors: false);
        }

        var yaml = text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }

    private static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static YamlSequenceNode? Sequence(YamlMappingNode root, string list) =>
        root.Children.TryGetValue(new YamlScalarNode(list), out var node) ? node as YamlSequenceNode : null;

    private static IEnumerable<YamlMappingNode> Entries(YamlMappingNode root, string list) =>
        Sequence(root, list)?.Children.OfType<YamlMappingNode>() ?? [];

    private static YamlMappingNode? Named(YamlMappingNode root, string list, string? name) =>
        name is null ? null : Entries(root, list).FirstOrDefault(e => Text(e, "name") == name);
}
