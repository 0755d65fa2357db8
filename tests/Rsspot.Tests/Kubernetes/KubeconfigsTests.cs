using System.Text;
using Rsspot.Kubernetes;

namespace Rsspot.Tests.Kubernetes;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class KubeconfigsTests
{
    private const string Generated = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: org-demo
          cluster:
            server: https://hcp.example:6443
            certificate-authority-data: Q0E=
        contexts:
        - name: org-demo
          context:
            cluster: org-demo
            user: org-demo-user
        current-context: org-demo
        users:
        - name: org-demo-user
          user:
            token: secret-token
        """;

    private const string Existing = """
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
        """;

    private static readonly KubeconfigExecCommand Plugin = new("/usr/local/bin/rsspot", ["cloudspaces", "credential", "demo", "--profile", "p"]);

    [Fact]
    public void The_cluster_and_token_of_a_generated_kubeconfig_are_read()
    {
        var cluster = Kubeconfigs.ReadCluster(Generated);

        Assert.Equal("https://hcp.example:6443", cluster.Server);
        Assert.Equal("Q0E=", cluster.CertificateAuthorityData);
        Assert.Equal("secret-token", cluster.Token);
        Assert.DoesNotContain("secret-token", cluster.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not: [yaml")]
    [InlineData("- a list")]
    [InlineData("clusters: []")]
    [InlineData("clusters: [{name: x, cluster: {server: 'file:///etc/passwd'}}]")]
    public void A_document_that_is_not_a_kubeconfig_with_a_server_is_refused(string text) =>
        Assert.Throws<InvalidDataException>(() => Kubeconfigs.ReadCluster(text));

    [Fact]
    public void An_exec_kubeconfig_names_the_plugin_and_holds_no_token()
    {
        var exec = Kubeconfigs.CreateExec("spot-org-demo", Kubeconfigs.ReadCluster(Generated) with { Token = null }, Plugin);

        Assert.DoesNotContain("secret-token", exec, StringComparison.Ordinal);
        Assert.Contains("apiVersion: client.authentication.k8s.io/v1", exec, StringComparison.Ordinal);
        Assert.Contains("command: /usr/local/bin/rsspot", exec, StringComparison.Ordinal);
        Assert.Contains("- credential", exec, StringComparison.Ordinal);
        Assert.Equal("https://hcp.example:6443", Kubeconfigs.ReadCluster(exec).Server);
        Assert.Null(Kubeconfigs.ReadCluster(exec).Token);
    }

    [Fact]
    public void Merging_twice_gives_the_same_document_with_the_other_entries_kept()
    {
        var exec = Kubeconfigs.CreateExec("spot-org-demo", Kubeconfigs.ReadCluster(Generated) with { Token = null }, Plugin);

        var once = Kubeconfigs.Merge(Existing, exec, setCurrent: false);
        var twice = Kubeconfigs.Merge(once, exec, setCurrent: false);

        Assert.Equal(once, twice);
        Assert.True(Kubeconfigs.HasContext(twice, "other"));
        Assert.True(Kubeconfigs.HasContext(twice, "spot-org-demo"));
        Assert.Contains("current-context: other", twice, StringComparison.Ordinal);
        Assert.Contains("other-token", twice, StringComparison.Ordinal);
        Assert.Contains("current-context: spot-org-demo", Kubeconfigs.Merge(twice, exec, setCurrent: true), StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_a_context_removes_its_cluster_and_user_and_keeps_the_rest()
    {
        var exec = Kubeconfigs.CreateExec("spot-org-demo", Kubeconfigs.ReadCluster(Generated) with { Token = null }, Plugin);
        var merged = Kubeconfigs.Merge(Existing, exec, setCurrent: true);

        var removed = Kubeconfigs.RemoveContext(merged, "spot-org-demo")!;

        Assert.False(Kubeconfigs.HasContext(removed, "spot-org-demo"));
        Assert.DoesNotContain("spot-org-demo", removed, StringComparison.Ordinal);
        Assert.True(Kubeconfigs.HasContext(removed, "other"));
        Assert.Null(Kubeconfigs.RemoveContext(removed, "spot-org-demo"));
    }

    [Fact]
    public void Merging_into_a_file_keeps_its_mode_and_creates_a_missing_one_owner_only()
    {
        var folder = Directory.CreateTempSubdirectory("rsspot-kubeconfig-").FullName;
        try
        {
            var exec = Kubeconfigs.CreateExec("spot-org-demo", Kubeconfigs.ReadCluster(Generated) with { Token = null }, Plugin);
            var existing = Path.Combine(folder, "config");
            File.WriteAllText(existing, Existing);
            File.SetUnixFileMode(existing, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            var fresh = Path.Combine(folder, "new", "config");

            Kubeconfigs.MergeIntoFile(existing, exec, setCurrent: false);
            Kubeconfigs.MergeIntoFile(fresh, exec, setCurrent: false);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(existing));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fresh));
            Assert.Contains("current-context: spot-org-demo", File.ReadAllText(fresh), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_default_path_follows_KUBECONFIG_then_home()
    {
        Assert.Equal(Path.Combine("/home/u", ".kube", "config"), Kubeconfigs.DefaultPath(null, "/home/u"));
        Assert.Equal("/missing/a", Kubeconfigs.DefaultPath("/missing/a:/missing/b", "/home/u"));
    }

    [Fact]
    public void A_JWT_expiry_is_read_and_anything_else_has_none()
    {
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"exp\":1800000000}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000), Kubeconfigs.TokenExpiry("e30." + payload + ".sig"));
        Assert.Null(Kubeconfigs.TokenExpiry("opaque-token"));
        Assert.Null(Kubeconfigs.TokenExpiry("a.!!!.c"));
        Assert.Null(Kubeconfigs.TokenExpiry(null));
    }

    [Fact]
    public void The_token_cache_keeps_a_credential_until_its_refresh_time_in_owner_only_files()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("rsspot-kube-cache-").FullName, "tokens");
        var cache = new KubeTokenCache(folder);
        var now = DateTimeOffset.UtcNow;

        cache.Store("k", new ExecCredentialStatus("tok", now.AddSeconds(30)));

        Assert.Equal("tok", cache.TryGet("k", now)!.Token);
        Assert.Null(cache.TryGet("k", now.AddSeconds(31)));
        Assert.Null(cache.TryGet("other", now));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(cache.PathOf("k")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        File.WriteAllText(cache.PathOf("k"), "{not json");
        Assert.Null(cache.TryGet("k", now));
        Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
    }

    [Fact]
    public void An_exec_credential_is_the_v1_document_kubectl_reads()
    {
        var json = new ExecCredential(new ExecCredentialStatus("tok", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero))).ToJson();

        Assert.Equal("""{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"tok","expirationTimestamp":"2030-01-02T03:04:05Z"}}""", json);
    }
}
