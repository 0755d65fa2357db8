using System.Net;
using System.Text.Json;
using Rsspot.Http;
using Rsspot.Security;

namespace Rsspot.Serialization;

/// <summary>
/// Checks that a successful answer is what the operation reads before it fills a model: the Kubernetes <c>kind</c>
/// (the resource's own kind for a get, its <c>...List</c> kind or the generic <c>List</c> for a list; none at all is
/// accepted when the shape fits) and, for answers that carry no kind by design (the organizations list), the shape.
/// A <c>Status</c> where data belongs is the error it describes; anything else is refused naming the kind received.
/// </summary>
internal static class AnswerKind
{
    // The generated models whose answers are Kubernetes objects with a kind of the same name.
    private static readonly HashSet<string> Resources = new(StringComparer.Ordinal)
    {
        "CloudSpace", "SpotNodePool", "OnDemandNodePool", "ServerClass", "Region", "VmCloudSpace", "VmPool", "VmSshKey",
    };

    // The API spells the VM kinds in capitals (VMCloudSpace); the model names follow the spec's schema names.
    private static readonly Dictionary<string, string> ApiKinds = new(StringComparer.Ordinal)
    {
        ["VmCloudSpace"] = "VMCloudSpace",
        ["VmPool"] = "VMPool",
        ["VmSshKey"] = "VMSSHKey",
    };

    /// <summary>What an answer is.</summary>
    public enum Verdict
    {
        /// <summary>The kind (or shape) the operation reads.</summary>
        Expected,

        /// <summary>A Kubernetes <c>Status</c> where data belongs.</summary>
        Status,
    }

    private static string ApiKind(string model) => ApiKinds.GetValueOrDefault(model, model);

    /// <summary>Judges <paramref name="root"/> as an answer for <paramref name="model"/>; throws when it is neither expected nor a Status.</summary>
    public static Verdict Judge(Type model, JsonElement root, HttpStatusCode status)
    {
        string name = model.Name;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Wrong(status, $"a JSON {root.ValueKind.ToString().ToLowerInvariant()} where {Describe(name)} belongs");
        }

        string? kind = root.TryGetProperty("kind", out var kindNode) && kindNode.ValueKind == JsonValueKind.String ? kindNode.GetString() : null;
        if (kind == "Status" && name != "Status")
        {
            return Verdict.Status;
        }

        bool isList = name.EndsWith("List", StringComparison.Ordinal);
        string single = isList ? name[..^"List".Length] : name;
        if (Resources.Contains(single))
        {
            bool hasItems = root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array;
            if (isList)
            {
                if (kind is null ? !hasItems : kind != name && kind != "List" && kind != ApiKind(single) + "List")
                {
                    throw Wrong(status, kind is null ? $"an object without kind or items where {Describe(name)} belongs" : $"kind '{ServerText.Clean(kind)}' where {Describe(name)} belongs");
                }
            }
            else if (kind is null ? hasItems : kind != name && kind != ApiKind(name))
            {
                throw Wrong(status, kind is null ? $"a list where one {name} belongs" : $"kind '{ServerText.Clean(kind)}' where {Describe(name)} belongs");
            }

            string? apiVersion = root.TryGetProperty("apiVersion", out var versionNode) && versionNode.ValueKind == JsonValueKind.String ? versionNode.GetString() : null;
            if (apiVersion is not null && apiVersion != "v1" && !apiVersion.StartsWith("ngpc.rxt.io/", StringComparison.Ordinal))
            {
                throw Wrong(status, $"apiVersion '{ServerText.Clean(apiVersion)}' where {Describe(name)} of ngpc.rxt.io belongs");
            }

            return Verdict.Expected;
        }

        if (name == "OrganizationList")
        {
            if (kind is not null || !root.TryGetProperty("organizations", out var organizations) || organizations.ValueKind != JsonValueKind.Array)
            {
                throw Wrong(status, kind is null ? "an object without an organizations array where the organizations list belongs" : $"kind '{ServerText.Clean(kind)}' where the organizations list (which has no kind) belongs");
            }
        }
        else if (name == "Status" && kind is not null && kind != "Status")
        {
            throw Wrong(status, $"kind '{ServerText.Clean(kind)}' where a Status belongs");
        }

        return Verdict.Expected;
    }

    /// <summary>The error of a Status in a successful answer that names no error code of its own.</summary>
    public static UnexpectedResponseException StatusWithoutCode(HttpStatusCode status, string? message) =>
        Wrong(status, $"a Status ({ServerText.Clean(message) ?? "no message"}) where data belongs");

    private static string Describe(string name) => name.EndsWith("List", StringComparison.Ordinal) ? $"a {name} (or List)" : $"a {name}";

    private static UnexpectedResponseException Wrong(HttpStatusCode status, string what) =>
        new($"the server answered HTTP {(int)status} with JSON of the wrong shape ({what}); check that base_url points at the Spot API", status);
}
