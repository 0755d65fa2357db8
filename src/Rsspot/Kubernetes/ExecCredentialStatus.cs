namespace Rsspot.Kubernetes;

/// <summary>The <c>status</c> of an <see cref="ExecCredential"/>: a bearer token and when kubectl must run the plugin again.</summary>
/// <param name="Token">The bearer token (a secret).</param>
/// <param name="ExpirationTimestamp">When kubectl must ask again; set a little before the token really expires.</param>
public sealed record ExecCredentialStatus(string Token, DateTimeOffset ExpirationTimestamp)
{
    /// <summary>Never shows the token.</summary>
    public override string ToString() => $"ExecCredentialStatus {{ Token = ***, ExpirationTimestamp = {ExpirationTimestamp:O} }}";
}
