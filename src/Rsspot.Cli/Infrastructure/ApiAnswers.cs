
namespace Rsspot.Cli.Infrastructure;

/// <summary>
/// The API's answers as the Python rsspot reads them (one GET of the collection, envelope and all), for its
/// shapes of list commands; through the client's auth, retry and cache like every other call.
/// </summary>
internal static class ApiAnswers
{
    public const string Namespaced = "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/";

    /// <summary>GET of a collection of the organization's namespace, with a label selector when given.</summary>
    public static Task<System.Text.Json.Nodes.JsonNode?> ListAsync(CliSession s, string plural, string? labelSelector, CancellationToken ct) =>
        s.Client.Raw.SendAsync(
            "GET",
            Namespaced + plural,
            labelSelector is null ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["labelSelector"] = labelSelector },
            cancellationToken: ct);

    /// <summary>The organization as the user named it (for spotctl's <c>org</c> field).</summary>
    public static string OrgName(CliSession s) => s.Parse.GetValue(s.Globals.Org) ?? s.Client.Profile.Org ?? s.Client.Profile.OrgId ?? string.Empty;
}
