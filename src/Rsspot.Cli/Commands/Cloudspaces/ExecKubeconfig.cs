using Rsspot.Cli.Infrastructure;
using Rsspot.Kubernetes;
using Rsspot.Services;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary>
/// Exec kubeconfigs of cloudspaces: a context <c>spot-ORG-CLOUDSPACE</c> whose user runs this rsspot
/// (<c>cloudspaces credential</c>) as kubectl's credential plugin, so the kubeconfig never goes stale and holds no secret.
/// </summary>
internal static class ExecKubeconfig
{
    public static string ContextName(string org, string cloudspace) => $"spot-{org}-{cloudspace}";

    /// <summary>The exec kubeconfig of <paramref name="cloudspace"/> and its context name, pinned to the profile and organization in use.</summary>
    public static async Task<(string Context, string Text)> CreateAsync(CliSession s, string cloudspace, CancellationToken ct)
    {
        SpotNames.EnsureCloudspaceName(cloudspace);
        var org = await s.Client.GetOrganizationAsync(ct).ConfigureAwait(false);
        var generated = await s.Client.Cloudspaces.GetKubeconfigAsync(cloudspace, ct).ConfigureAwait(false);
        KubeconfigCluster cluster;
        try
        {
            cluster = Kubeconfigs.ReadCluster(generated);
        }
        catch (InvalidDataException ex)
        {
            throw new SpotException($"The Spot API answered a kubeconfig for cloudspace \"{cloudspace}\" that rsspot cannot read: {ex.Message}", ex);
        }

        var args = new List<string> { "cloudspaces", "credential", cloudspace, "--profile", s.Client.Profile.Name, "--org", org.Name };
        if (s.ConfigFile is { Length: > 0 } configFile)
        {
            args.AddRange(["--config-file", Path.GetFullPath(configFile)]);
        }

        var name = ContextName(org.Name, cloudspace);
        return (name, Kubeconfigs.CreateExec(name, cluster with { Token = null }, ToolInvocation.Command(args)));
    }

    /// <summary>The kubeconfig kubectl uses (KUBECONFIG's first existing file, else ~/.kube/config).</summary>
    public static string UserKubeconfigPath(CliSession s) =>
        Kubeconfigs.DefaultPath(
            s.Environment.Get("KUBECONFIG"),
            new Configuration.ConfigPaths(s.Environment.HomeDirectory).HomeDirectory ?? throw new ConfigException("There is no home directory for ~/.kube/config. Fix: set HOME or KUBECONFIG."));

    /// <summary>
    /// After <c>cloudspaces delete</c>: offers to remove the context <c>get-config --merge</c> added for the cloudspace
    /// (asks on a terminal, removes with --yes, otherwise says how). Never fails the delete.
    /// </summary>
    public static async Task OfferContextRemovalAsync(CliSession s, string cloudspace, bool yes, CancellationToken ct)
    {
        try
        {
            var org = await s.Client.GetOrganizationAsync(ct).ConfigureAwait(false);
            var context = ContextName(org.Name, cloudspace);
            var path = UserKubeconfigPath(s);
            if (!File.Exists(path) || !Kubeconfigs.HasContext(Security.BoundedFile.ReadAllText(path), context))
            {
                return;
            }

            if (!yes && !s.Terminal.StdinIsTerminal)
            {
                s.Err.WriteLine($"kubeconfig '{path}' still has context {context}; remove it with: kubectl config delete-context {context}");
                return;
            }

            if (!yes)
            {
                s.Err.Write($"Remove context {context} from '{path}'? [y/N] ");
                var answer = s.Prompt(() => s.In.ReadLine()?.Trim());
                if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }

            if (Kubeconfigs.RemoveContextFromFile(path, context))
            {
                s.Err.WriteLine($"Removed context {context} from '{path}'.");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or SpotException)
        {
            s.Err.WriteLine($"The kubeconfig context of cloudspace {cloudspace} was not removed: {Security.ServerText.Clean(ex.Message)}");
        }
    }
}
