using Rsspot.Kubernetes;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary>
/// How kubectl must start this very rsspot as a credential plugin, however it was installed: the Native AOT binary or
/// a <c>dotnet tool</c> shim (the process itself), or <c>dotnet rsspot.dll</c> (the dotnet host with the dll as first argument).
/// </summary>
internal static class ToolInvocation
{
    public const string InstallHint = "rsspot writes this kubeconfig and runs as its credential plugin; reinstall rsspot or write the kubeconfig again with: rsspot cloudspaces get-config <name> --exec";

    public static KubeconfigExecCommand Command(IEnumerable<string> args)
    {
        var process = Environment.ProcessPath is { Length: > 0 } path ? Path.GetFullPath(path) : "rsspot";
        var prefix = new List<string>();
        if (string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            prefix.Add(Path.Combine(AppContext.BaseDirectory, typeof(ToolInvocation).Assembly.GetName().Name + ".dll"));
        }

        return new KubeconfigExecCommand(process, [.. prefix, .. args], InstallHint);
    }
}
