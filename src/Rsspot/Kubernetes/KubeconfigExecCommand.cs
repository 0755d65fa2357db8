namespace Rsspot.Kubernetes;

/// <summary>The command kubectl runs as the credential plugin of an exec kubeconfig (see <see cref="Kubeconfigs.CreateExec"/>).</summary>
/// <param name="Command">The executable: an absolute path, or a name kubectl finds on PATH.</param>
/// <param name="Args">Its arguments.</param>
/// <param name="InstallHint">What kubectl prints when it cannot find <paramref name="Command"/>; null for none.</param>
public sealed record KubeconfigExecCommand(string Command, IReadOnlyList<string> Args, string? InstallHint = null);
