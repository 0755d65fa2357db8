using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Kubernetes;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary>
/// <c>cloudspaces credential NAME</c> (hidden): the kubectl credential plugin of exec kubeconfigs. Prints a
/// <c>client.authentication.k8s.io/v1</c> ExecCredential with the cached token, or a fresh one when it is near expiry.
/// </summary>
internal static class CredentialCommand
{
    public static Command Create(CliSession s)
    {
        var name = new Argument<string>("name") { Description = "cloudspace name" };
        var command = Cmd.New(
            "credential",
            "kubectl credential plugin of 'get-config --exec' kubeconfigs: prints an ExecCredential (client.authentication.k8s.io/v1) on stdout",
            name);
        command.Hidden = true;
        return command.Runs(s, async (p, ct) =>
        {
            var cache = new KubeTokenCache(CacheDirectory(s));
            var credential = await s.Client.Cloudspaces.GetExecCredentialAsync(p.GetValue(name)!, cache, ct).ConfigureAwait(false);
            // The token goes to kubectl on stdout and nowhere else.
            s.Out.Write(credential.ToJson());
            s.Out.Write('\n');
        });
    }

    public static string CacheDirectory(CliSession s) =>
        KubeTokenCache.DefaultDirectory(s.Environment.Get("XDG_CACHE_HOME"), new Configuration.ConfigPaths(s.Environment.HomeDirectory).HomeDirectory)
        ?? throw new ConfigException("There is no home directory or XDG_CACHE_HOME for the kubeconfig token cache. Fix: set HOME or XDG_CACHE_HOME.");
}
