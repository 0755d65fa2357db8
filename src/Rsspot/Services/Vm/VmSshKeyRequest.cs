using System.Text.RegularExpressions;
using Rsspot.Generated.Api.Models;

namespace Rsspot.Services.Vm;

/// <summary>A new VM SSH key: a name and the public half of a key pair.</summary>
/// <param name="Name">Key name (DNS-1123 label or UUID).</param>
/// <param name="PublicKey">An OpenSSH public key line such as <c>ssh-ed25519 AAAA... user@host</c>.</param>
public sealed partial record VmSshKeyRequest(string Name, string PublicKey)
{
    /// <summary>A description of the key.</summary>
    public string? Description { get; init; }

    internal VmSshKey ToModel(string ns)
    {
        VmNames.EnsureResourceName(Name, "VM SSH key");
        if (string.IsNullOrWhiteSpace(PublicKey))
        {
            throw new ArgumentException("The public key is empty: give an OpenSSH public key line such as 'ssh-ed25519 AAAA... user@host'.", "publicKey");
        }

        // A private key pasted by mistake is refused before it leaves the machine. The key itself is not decoded: the
        // API validates it (status.validated) and reports its fingerprint.
        if (PublicKey.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            throw new ArgumentException("That is a private key: give the public key (the .pub file, e.g. ~/.ssh/id_ed25519.pub); nothing was sent.", "publicKey");
        }

        var line = PublicKey.Trim();
        if (line.Contains('\n', StringComparison.Ordinal) || !OpenSshPublicKey().IsMatch(line))
        {
            throw new ArgumentException("The public key is not one OpenSSH public key line ('<type> <key> [comment]', type such as ssh-ed25519, ssh-rsa or ecdsa-sha2-nistp256).", "publicKey");
        }

        return new VmSshKey
        {
            ApiVersion = VmModels.ApiVersion,
            Kind = VmModels.SshKeyKind,
            Metadata = new ObjectMeta { Name = Name, Namespace = ns },
            Spec = new VmSshKeySpec { PublicKey = line, Description = string.IsNullOrEmpty(Description) ? null : Description },
        };
    }

    [GeneratedRegex(@"^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)(-cert-v01@openssh\.com)? \S+( .*)?$")]
    private static partial Regex OpenSshPublicKey();
}
