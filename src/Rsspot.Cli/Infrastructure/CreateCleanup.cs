using Rsspot.Services;

namespace Rsspot.Cli.Infrastructure;

/// <summary>The words for what an interrupted create or wait leaves behind.</summary>
internal static class CreateCleanup
{
    /// <summary>The rollback budget, as the README documents it.</summary>
    public static string BudgetText => $"{CloudspacesService.RollbackTimeout.TotalSeconds:0} s";

    /// <summary>How long the CLI looks at the cloudspace after an interrupt, to say what exists.</summary>
    public static TimeSpan LookTimeout { get; } = TimeSpan.FromSeconds(10);

    public static string RemoveCommand(string cloudspace) => $"rsspot cloudspaces delete {cloudspace} --yes";
}
