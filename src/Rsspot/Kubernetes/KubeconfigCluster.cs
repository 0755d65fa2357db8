namespace Rsspot.Kubernetes;

/// <summary>What a cloudspace's generated kubeconfig says about its cluster and user: where the API server is, how to trust it, and the token.</summary>
/// <param name="Server">The API server URL.</param>
/// <param name="CertificateAuthorityData">The base64 PEM the server's certificate must chain to, or null.</param>
/// <param name="InsecureSkipTlsVerify">True when the kubeconfig turns TLS verification off.</param>
/// <param name="Token">The user's bearer token (a secret), or null when it has none.</param>
public sealed record KubeconfigCluster(string Server, string? CertificateAuthorityData, bool InsecureSkipTlsVerify, string? Token)
{
    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"KubeconfigCluster {{ Server = {Server}, Token = {(Token is null ? "none" : "***")} }}";
}
