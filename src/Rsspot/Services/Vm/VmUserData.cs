using System.Text;

namespace Rsspot.Services.Vm;

/// <summary>
/// Cloud-init user data of a VM pool, held base64-encoded as the API takes it. Text that already is standard base64
/// is kept as it is and anything else is encoded, as spotctl does; a script file is always encoded.
/// </summary>
public sealed record VmUserData
{
    /// <summary>The most user data taken (64 KiB before encoding), so a wrong file never becomes a huge request.</summary>
    public const int MaxBytes = 64 * 1024;

    private VmUserData(string base64) => Base64 = base64;

    /// <summary>The base64 text sent as <c>spec.vmUserData</c>.</summary>
    public string Base64 { get; }

    /// <summary>
    /// User data from text: kept as it is when it already decodes as standard base64, else UTF-8 encoded to base64
    /// (so plain text that happens to be valid base64 is not encoded again, as in spotctl).
    /// </summary>
    /// <param name="text">A cloud-init script or cloud-config, or its base64.</param>
    /// <exception cref="ArgumentException">Empty, or more than <see cref="MaxBytes"/>.</exception>
    public static VmUserData FromText(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text, "userData");
        return IsBase64(text) ? Checked(text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)) : FromBytes(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>User data that is base64 already.</summary>
    /// <param name="base64">Standard base64 with padding.</param>
    /// <exception cref="ArgumentException">Not standard base64.</exception>
    public static VmUserData FromBase64(string base64)
    {
        ArgumentException.ThrowIfNullOrEmpty(base64, "userData");
        return IsBase64(base64)
            ? Checked(base64.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal))
            : throw new ArgumentException("User data is not standard base64 (A-Z, a-z, 0-9, '+', '/', padded with '='); give the script itself to have it encoded.", "userData");
    }

    /// <summary>User data from raw bytes (always encoded).</summary>
    /// <param name="content">The script or cloud-config.</param>
    public static VmUserData FromBytes(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            throw new ArgumentException("User data is empty.", "userData");
        }

        if (content.Length > MaxBytes)
        {
            throw new ArgumentException($"User data is {content.Length} bytes; at most {MaxBytes} are taken.", "userData");
        }

        return new VmUserData(Convert.ToBase64String(content));
    }

    /// <summary>User data from a script file, always encoded (spotctl's <c>--vm-userdata-from-script</c>).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="ArgumentException">The file is empty or larger than <see cref="MaxBytes"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static VmUserData FromScriptFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > MaxBytes)
        {
            throw new ArgumentException($"User data file '{path}' is {stream.Length} bytes; at most {MaxBytes} are taken.", "userData");
        }

        var buffer = new byte[MaxBytes + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
        {
            read += n;
        }

        return FromBytes(buffer.AsSpan(0, read));
    }

    /// <summary>The decoded bytes (the script as the VM receives it).</summary>
    public byte[] Decode() => Convert.FromBase64String(Base64);

    /// <summary>The base64 text.</summary>
    public override string ToString() => Base64;

    // Go's base64.StdEncoding: the standard alphabet with '=' padding; line breaks are skipped.
    private static bool IsBase64(string text)
    {
        var length = 0;
        foreach (var c in text)
        {
            if (c is '\r' or '\n')
            {
                continue;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return false;
            }

            length++;
        }

        if (length == 0 || length % 4 != 0)
        {
            return false;
        }

        var compact = text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);
        var padding = compact.IndexOf('=', StringComparison.Ordinal);
        if (padding >= 0 && (padding < compact.Length - 2 || compact[padding..].Any(c => c != '=')))
        {
            return false;
        }

        var bytes = new byte[compact.Length];
        return Convert.TryFromBase64String(compact, bytes, out _);
    }

    private static VmUserData Checked(string base64)
    {
        if (base64.Length / 4 * 3 > MaxBytes + 2)
        {
            throw new ArgumentException($"User data is more than {MaxBytes} bytes.", "userData");
        }

        return new VmUserData(base64);
    }
}
