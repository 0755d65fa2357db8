namespace Rsspot.Emulator.Kube;

/// <summary>
/// Where the emulator serves each Ready cloudspace's Kubernetes API: <c>https://127.0.0.1:KUBEPORT/_kube/NAMESPACE/CLOUDSPACE</c>,
/// on a TLS listener of its own (kubectl sends no credentials to a plain-HTTP server) with a certificate made at start-up.
/// </summary>
internal sealed class KubePaths
{
    public const string Root = "/_kube";

    /// <summary>The certificate of the kube listener.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 Certificate { get; } = KubeCertificate.Create();

    /// <summary>The certificate as PEM, base64-encoded: a kubeconfig's <c>certificate-authority-data</c>.</summary>
    public string CertificateAuthorityData => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Certificate.ExportCertificatePem()));

    /// <summary>The kube listener's base address (<c>https://127.0.0.1:PORT</c>), known once it listens; empty before.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    public string Endpoint(string ns, string cloudspace) => $"{BaseUrl}{Root}/{ns}/{cloudspace}";
}
