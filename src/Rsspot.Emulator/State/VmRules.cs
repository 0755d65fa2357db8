using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rsspot.Emulator.Api;
using Rsspot.Emulator.Catalog;

namespace Rsspot.Emulator.State;

/// <summary>
/// Field rules of VM SSH keys, VM cloudspaces and VM pools, applied on create and after every patch: names, the
/// objects they refer to, the key's format, the bid's form, and the fields that never change after create.
/// </summary>
internal static partial class VmRules
{
    public static void Validate(SpotCatalog catalog, EmulatorState state, ResourceKind kind, string ns, string? name, JsonObject spec, StoredResource? existing, List<FieldCause> causes)
    {
        if (kind == ResourceKind.VmPool)
        {
            if (!string.IsNullOrEmpty(name) && !LowercaseUuid().IsMatch(name))
            {
                causes.Add(FieldCause.Invalid("metadata.name", $"\"{name}\": the name must be a lowercase UUID only"));
            }

            ValidatePool(catalog, state, ns, spec, existing, causes);
            return;
        }

        if (!string.IsNullOrEmpty(name) && !ResourceName().IsMatch(name))
        {
            causes.Add(FieldCause.Invalid("metadata.name", $"\"{name}\": a lowercase RFC 1123 label (or a UUID) of at most 63 characters is required"));
        }

        if (kind == ResourceKind.VmSshKey)
        {
            // A key that does not parse is kept with status.validated false, as the API validates keys after accepting them.
            Immutable(existing, spec, "publicKey", causes);
            return;
        }

        var region = String(spec, "region");
        if (region is { Length: > 0 } && catalog.FindRegion(region) is null)
        {
            causes.Add(FieldCause.NotFound("spec.region", $"\"{region}\" is not a region; list regions for the valid names"));
        }

        if (existing is null && spec["vmSshKeyRef"] is JsonObject keyRef && String(keyRef, "name") is { Length: > 0 } keyName)
        {
            var keyNamespace = String(keyRef, "namespace") is { Length: > 0 } given ? given : ns;
            if (state.Find(ResourceKind.VmSshKey, keyNamespace, keyName) is null)
            {
                causes.Add(FieldCause.NotFound("spec.vmSshKeyRef.name", $"VM SSH key \"{keyName}\" does not exist in namespace \"{keyNamespace}\""));
            }
        }

        Immutable(existing, spec, "region", causes);
        Immutable(existing, spec, "vmSshKeyRef", causes);
    }

    /// <summary>The <c>SHA256:...</c> fingerprint of an OpenSSH public key line, or null when it is not one.</summary>
    public static string? Fingerprint(string publicKey)
    {
        var parts = publicKey.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !KeyType().IsMatch(parts[0]))
        {
            return null;
        }

        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[1]);
        }
        catch (FormatException)
        {
            return null;
        }

        // The blob starts with the key type as an SSH string (a 32-bit big-endian length, then the bytes).
        if (blob.Length < 4)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(blob);
        if (length > blob.Length - 4 || Encoding.ASCII.GetString(blob, 4, (int)length) != parts[0])
        {
            return null;
        }

        return "SHA256:" + Convert.ToBase64String(SHA256.HashData(blob)).TrimEnd('=');
    }

    private static void ValidatePool(SpotCatalog catalog, EmulatorState state, string ns, JsonObject spec, StoredResource? existing, List<FieldCause> causes)
    {
        var cloudSpaceName = String(spec, "vmCloudSpace");
        var cloudSpace = cloudSpaceName is { Length: > 0 } ? state.Find(ResourceKind.VmCloudSpace, ns, cloudSpaceName) : null;
        if (cloudSpaceName is { Length: > 0 } && cloudSpace is null)
        {
            causes.Add(FieldCause.NotFound("spec.vmCloudSpace", $"VM cloudspace \"{cloudSpaceName}\" does not exist in namespace \"{ns}\""));
        }
        else if (existing is null && cloudSpace is { IsTerminating: true })
        {
            causes.Add(FieldCause.Forbidden("spec.vmCloudSpace", $"VM cloudspace \"{cloudSpaceName}\" is being deleted"));
        }

        var className = String(spec, "serverClass");
        var serverClass = catalog.FindClass(className);
        if (className is { Length: > 0 } && serverClass is null)
        {
            causes.Add(FieldCause.NotFound("spec.serverClass", $"\"{className}\" is not a server class"));
        }
        else if (serverClass is not null && cloudSpace?.SpecString("region") is { } region && serverClass.Region != region)
        {
            causes.Add(FieldCause.Invalid("spec.serverClass", $"\"{className}\" is in region {serverClass.Region}, not in the VM cloudspace's region {region}"));
        }

        if (spec["bidPrice"] is JsonValue bid && bid.GetValueKind() == JsonValueKind.String
            && decimal.TryParse(bid.GetValue<string>(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) && price <= 0)
        {
            causes.Add(FieldCause.Invalid("spec.bidPrice", "must be greater than 0"));
        }

        if (String(spec, "vmUserData") is { } userData && !IsBase64(userData))
        {
            causes.Add(FieldCause.Invalid("spec.vmUserData", "must be base64-encoded cloud-init user data"));
        }

        foreach (var field in new[] { "vmCloudSpace", "serverClass", "poolType", "vmImage", "vmUserData" })
        {
            Immutable(existing, spec, field, causes);
        }
    }

    private static bool IsBase64(string text)
    {
        if (text.Length == 0 || text.Length % 4 != 0)
        {
            return false;
        }

        return Convert.TryFromBase64String(text, new byte[text.Length], out _);
    }

    private static void Immutable(StoredResource? existing, JsonObject spec, string field, List<FieldCause> causes)
    {
        if (existing is not null && existing.Spec[field]?.ToJsonString() != spec[field]?.ToJsonString())
        {
            causes.Add(FieldCause.Invalid("spec." + field, "field is immutable"));
        }
    }

    private static string? String(JsonObject node, string field) =>
        node[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    [GeneratedRegex("^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")]
    private static partial Regex ResourceName();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex LowercaseUuid();

    [GeneratedRegex(@"^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)$")]
    private static partial Regex KeyType();
}
