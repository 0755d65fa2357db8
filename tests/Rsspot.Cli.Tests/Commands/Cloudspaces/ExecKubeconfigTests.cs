using System.Diagnostics;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Commands.Cloudspaces;

/// <summary>
/// <c>get-config --exec</c> and <c>--merge</c> with the real kubectl against the emulator's kube API, whose kubeconfig
/// tokens live <see cref="KubeFixture.KubeTokenSeconds"/> s.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class ExecKubeconfigTests : IClassFixture<KubeFixture>
{
    private readonly KubeFixture _kube;

    public ExecKubeconfigTests(KubeFixture kube)
    {
        _kube = kube;
    }

    [SkippableFact]
    public async Task An_exec_kubeconfig_works_across_token_generations_while_the_static_one_expires()
    {
        Skip.If(KubeFixture.Kubectl is null, "kubectl is not installed (Debian package kubectl).");
        await CreateAsync("exec-demo");
        var folder = Directory.CreateTempSubdirectory("rsspot-kube-files-").FullName;
        var staticFile = Path.Combine(folder, "static.yaml");
        var execFile = Path.Combine(folder, "exec.yaml");
        Assert.Equal(0, (await _kube.RunAsync("cloudspaces", "get-config", "exec-demo", "--file", staticFile)).ExitCode);
        var written = await _kube.RunAsync("cloudspaces", "get-config", "exec-demo", "--exec", "--file", execFile, "-o", "json");
        Assert.True(written.ExitCode == 0, written.ToString());
        var clock = Stopwatch.StartNew();
        _kube.Emulator.ClearRequestLog();

        var text = await File.ReadAllTextAsync(execFile);
        Assert.DoesNotContain("token:", text, StringComparison.Ordinal);
        Assert.Contains("client.authentication.k8s.io/v1", text, StringComparison.Ordinal);
        Assert.Contains("credential", text, StringComparison.Ordinal);
        Assert.Contains("name: spot-" + _kube.Emulator.OrganizationName + "-exec-demo", text, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(execFile));

        var first = await _kube.KubectlAsync("--kubeconfig", execFile, "get", "nodes");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(3, NodeLines(first.Stdout));

        await Task.Delay(TimeSpan.FromSeconds(KubeFixture.KubeTokenSeconds + 1));
        var stale = await _kube.KubectlAsync("--kubeconfig", staticFile, "get", "nodes");
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("Unauthorized", stale.Stderr, StringComparison.Ordinal);

        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            var again = await _kube.KubectlAsync("--kubeconfig", execFile, "get", "nodes");
            Assert.True(again.ExitCode == 0, $"after {clock.Elapsed.TotalSeconds:0} s: {again}");
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        var late = await _kube.KubectlAsync("--kubeconfig", execFile, "get", "nodes");
        Assert.True(late.ExitCode == 0, late.ToString());
        Assert.Equal(3, NodeLines(late.Stdout));
        Assert.True(
            _kube.Emulator.CountRequests("POST", "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig") >= 3,
            "the plugin fetched a fresh token at least three times over 20 s of 5 s tokens");

        // The token cache: files of their own, owner-only, in an owner-only folder.
        var cache = Path.Combine(_kube.Home, ".cache", "rsspot", "kube-tokens");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(cache));
        Assert.All(Directory.GetFiles(cache), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        Directory.Delete(folder, recursive: true);
    }

    [SkippableFact]
    public async Task Merge_twice_leaves_one_context_keeps_the_others_and_the_mode_and_delete_removes_it()
    {
        Skip.If(KubeFixture.Kubectl is null, "kubectl is not installed (Debian package kubectl).");
        await CreateAsync("merge-demo");
        var kubeDir = Path.Combine(_kube.Home, ".kube");
        Directory.CreateDirectory(kubeDir);
        var config = Path.Combine(kubeDir, "config");
        await File.WriteAllTextAsync(config, """
            apiVersion: v1
            kind: Config
            clusters:
            - name: other
              cluster:
                server: https://other.example:6443
            contexts:
            - name: other
              context:
                cluster: other
                user: other
            current-context: other
            users:
            - name: other
              user:
                token: other-token
            """);
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var context = "spot-" + _kube.Emulator.OrganizationName + "-merge-demo";

        for (var i = 0; i < 2; i++)
        {
            var merged = await _kube.RunAsync("cloudspaces", "get-config", "merge-demo", "--merge", "--set-current", "-o", "json");
            Assert.True(merged.ExitCode == 0, merged.ToString());
            Assert.Equal(context, merged.Json["context"]!.GetValue<string>());
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(config));
        var contexts = await _kube.KubectlAsync("config", "get-contexts", "-o", "name");
        Assert.Equal(["other", context], contexts.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Equal(context, (await _kube.KubectlAsync("config", "current-context")).Stdout.Trim());
        Assert.Contains("other-token", await File.ReadAllTextAsync(config), StringComparison.Ordinal);
        var nodes = await _kube.KubectlAsync("get", "nodes");
        Assert.True(nodes.ExitCode == 0, nodes.ToString());
        Assert.Equal(3, NodeLines(nodes.Stdout));

        // KUBECONFIG names another file: that one gets the context.
        var elsewhere = Path.Combine(kubeDir, "spot.yaml");
        var viaVariable = await _kube.RunAsync(new Dictionary<string, string> { ["KUBECONFIG"] = elsewhere }, "cloudspaces", "get-config", "merge-demo", "--merge", "-o", "json");
        Assert.True(viaVariable.ExitCode == 0, viaVariable.ToString());
        Assert.Equal(elsewhere, viaVariable.Json["path"]!.GetValue<string>());
        Assert.Contains("name: " + context, await File.ReadAllTextAsync(elsewhere), StringComparison.Ordinal);

        var deleted = await _kube.RunAsync("cloudspaces", "delete", "merge-demo", "--yes");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Contains("Removed context " + context, deleted.Stderr, StringComparison.Ordinal);
        var after = await _kube.KubectlAsync("config", "get-contexts", "-o", "name");
        Assert.Equal("other", after.Stdout.Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(config));
    }

    internal static int NodeLines(string stdout) =>
        stdout.Split('\n').Count(l => l.StartsWith("spot-", StringComparison.Ordinal) || l.StartsWith("ondemand-", StringComparison.Ordinal));

    private async Task CreateAsync(string name)
    {
        var created = await _kube.RunAsync(
            "cloudspaces", "create", name, "--region", "us-central-dfw-1",
            "--spot-nodepool", "desired=2,serverclass=gp.vs1.medium-dfw,bidprice=0.9",
            "--ondemand-nodepool", "desired=1,serverclass=gp.vs1.large-dfw",
            "--wait", "--timeout", "60", "-o", "json");
        Assert.True(created.ExitCode == 0, created.ToString());
    }
}
