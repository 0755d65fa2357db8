using System.Text;
using Rsspot.Services;

namespace Rsspot.Apply;

/// <summary>One change of an <see cref="ApplyPlan"/>: what it touches, what it does and, for an update, which fields.</summary>
public sealed record ApplyChange
{
    /// <summary>What the change does.</summary>
    public required ApplyAction Action { get; init; }

    /// <summary>What it is about.</summary>
    public required ApplyTarget Target { get; init; }

    /// <summary>The cloudspace (of a pool, the cloudspace it belongs to).</summary>
    public required string Cloudspace { get; init; }

    /// <summary>A pool's key; null for a cloudspace.</summary>
    public string? Key { get; init; }

    /// <summary>The name of the pool that exists (a UUID); null for a pool still to create and for a cloudspace.</summary>
    public string? Name { get; init; }

    /// <summary>The fields: for a create the values to send, for an update each changed field before and after.</summary>
    public IReadOnlyList<FieldChange> Fields { get; init; } = [];

    /// <summary>Why a replace is needed or what else a delete removes; null when there is nothing to add.</summary>
    public string? Reason { get; init; }

    // What ApplyAsync sends; set by the planner.
    internal CloudspaceCreateRequest? CloudspaceRequest { get; init; }

    internal CloudspaceUpdate? CloudspaceUpdate { get; init; }

    internal SpotNodePoolRequest? SpotRequest { get; init; }

    internal OnDemandNodePoolRequest? OnDemandRequest { get; init; }

    internal NodePoolUpdate? PoolUpdate { get; init; }

    /// <summary>Created by the create of its cloudspace (it is listed so the plan shows it).</summary>
    internal bool WithCloudspace { get; init; }

    /// <summary>The change in one line (without its fields), e.g. <c>~ update spot pool demo/workers (0a1b...)</c>.</summary>
    public string Headline()
    {
        var what = Target switch
        {
            ApplyTarget.Cloudspace => $"cloudspace {Cloudspace}",
            ApplyTarget.SpotPool => $"spot pool {Cloudspace}/{Key}",
            _ => $"on-demand pool {Cloudspace}/{Key}",
        };
        var line = $"{Symbol(Action)} {Verb(Action)} {what}{(Name is null ? string.Empty : $" ({Name})")}";
        return Reason is null ? line : $"{line}: {Reason}";
    }

    /// <summary>The headline and one indented line per field.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Headline());
        foreach (var field in Fields)
        {
            text.Append('\n').Append("    ").Append(field);
        }

        return text.ToString();
    }

    private static char Symbol(ApplyAction action) => action switch
    {
        ApplyAction.Create => '+',
        ApplyAction.Update => '~',
        ApplyAction.Delete => '-',
        _ => '!',
    };

    private static string Verb(ApplyAction action) => action switch
    {
        ApplyAction.Create => "create",
        ApplyAction.Update => "update",
        ApplyAction.Delete => "delete",
        _ => "replace",
    };
}
