using System.Globalization;
using System.Text;

namespace Rsspot.Apply;

/// <summary>
/// What <see cref="ApplyService.ApplyAsync"/> would do to make the account match a spec: printable (<see cref="ToString"/>)
/// and typed (<see cref="Changes"/>). Made by <see cref="ApplyService.PlanAsync(IReadOnlyList{CloudspaceSpec}, ApplyOptions?, CancellationToken)"/>
/// or <see cref="ApplyService.PlanDeleteAsync"/> from fresh reads; an empty plan sends no write.
/// </summary>
public sealed class ApplyPlan
{
    internal ApplyPlan(IReadOnlyList<string> cloudspaces, IReadOnlyList<ApplyChange> changes, ApplyOptions options)
    {
        Cloudspaces = cloudspaces;
        Changes = changes;
        Options = options;
    }

    /// <summary>The cloudspaces the spec names, in its order.</summary>
    public IReadOnlyList<string> Cloudspaces { get; }

    /// <summary>The changes, in the order they are applied.</summary>
    public IReadOnlyList<ApplyChange> Changes { get; }

    /// <summary>The options the plan was made with.</summary>
    public ApplyOptions Options { get; }

    /// <summary>True when applying would send at least one write.</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>The changes that need a replace (a fixed field differs).</summary>
    public IReadOnlyList<ApplyChange> Replacements => [.. Changes.Where(c => c.Action == ApplyAction.Replace)];

    /// <summary>How many changes of <paramref name="action"/> the plan has.</summary>
    /// <param name="action">The action to count.</param>
    public int Count(ApplyAction action) => Changes.Count(c => c.Action == action);

    /// <summary>One line: <c>Plan: 1 to create, 2 to update, 0 to delete, 0 to replace.</c>, or that nothing is to do.</summary>
    public string Summary() => HasChanges
        ? string.Create(CultureInfo.InvariantCulture, $"Plan: {Count(ApplyAction.Create)} to create, {Count(ApplyAction.Update)} to update, {Count(ApplyAction.Delete)} to delete, {Count(ApplyAction.Replace)} to replace.")
        : string.Create(CultureInfo.InvariantCulture, $"No changes: {Cloudspaces.Count} cloudspace(s) match the spec.");

    /// <summary>Every change with its fields, then <see cref="Summary"/>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var change in Changes)
        {
            text.Append(change).Append('\n');
        }

        return text.Append(Summary()).ToString();
    }
}
