using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Rsspot.Security;

namespace Rsspot.Kubernetes;

/// <summary>
/// The kubeconfig tokens of exec credential plugins, one 0600 file per cluster in a 0700 folder of their own (never
/// the state database, never a log), so kubectl runs between two expiries reuse a token instead of asking the API.
/// </summary>
public sealed class KubeTokenCache
{
    private const int MaxFileBytes = 64 * 1024;

    /// <summary>Uses the folder <paramref name="directory"/>.</summary>
    public KubeTokenCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder of the cache files.</summary>
    public string Directory { get; }

    /// <summary>
    /// <c>$XDG_CACHE_HOME/rsspot/kube-tokens</c>, else <c>~/.cache/rsspot/kube-tokens</c>; null when there is neither.
    /// </summary>
    public static string? DefaultDirectory(string? xdgCacheHome, string? homeDirectory) =>
        xdgCacheHome is { Length: > 0 } xdg && Path.IsPathFullyQualified(xdg) ? Path.Combine(xdg, "rsspot", "kube-tokens")
        : homeDirectory is { Length: > 0 } home ? Path.Combine(home, ".cache", "rsspot", "kube-tokens")
        : null;

    /// <summary>The file name for a cluster key (a hash: the key's parts never show in a file name).</summary>
    public string PathOf(string key) =>
        Path.Combine(Directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32] + ".json");

    /// <summary>
    /// The cached credential of <paramref name="key"/> while <paramref name="now"/> is before its
    /// <see cref="ExecCredentialStatus.ExpirationTimestamp"/> (the time to fetch a new one); else null.
    /// </summary>
    public ExecCredentialStatus? TryGet(string key, DateTimeOffset now)
    {
        var path = PathOf(key);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var json = JsonDocument.Parse(BoundedFile.ReadAllText(path, MaxFileBytes));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("token", out var token) || token.ValueKind != JsonValueKind.String || token.GetString() is not { Length: > 0 } text
                || !root.TryGetProperty("refreshAt", out var refresh) || refresh.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(refresh.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return null;
            }

            return now < at ? new ExecCredentialStatus(text, at) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or InvalidDataException)
        {
            // A damaged or unreadable cache entry only costs a fresh token.
            return null;
        }
    }

    /// <summary>Stores a credential for <paramref name="key"/> (mode 0600, atomically) until its expiration timestamp.</summary>
    public void Store(string key, ExecCredentialStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        AtomicFile.EnsureDirectory(Directory);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("token", status.Token);
            json.WriteString("refreshAt", status.ExpirationTimestamp.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        AtomicFile.WriteAllBytes(PathOf(key), buffer.ToArray());
    }

    /// <summary>Removes the entry of <paramref name="key"/>, if any.</summary>
    public void Remove(string key)
    {
        try
        {
            File.Delete(PathOf(key));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more to do: an entry left behind only holds a token that expires.
        }
    }
}
