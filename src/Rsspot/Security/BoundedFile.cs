using System.Text;

namespace Rsspot.Security;

/// <summary>
/// Reads small text files that a user or another program may have put anywhere: only regular files (a FIFO
/// would block, <c>/dev/zero</c> never ends, a directory is a mistake) and only up to a size limit, so a
/// hostile path costs neither time nor memory. Errors are <see cref="IOException"/>s whose message names the
/// path and the reason; callers add which option or setting named the file.
/// </summary>
internal static class BoundedFile
{
    /// <summary>The default size limit: 1 MiB, far above any config, spec or kubeconfig file.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>What <paramref name="path"/> names (links followed).</summary>
    /// <param name="path">The path.</param>
    /// <returns>The kind.</returns>
    public static FileKind KindOf(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        return UnixFileType.Of(path) ?? FileKind.Regular;
    }

    /// <summary>Throws unless <paramref name="path"/> is missing or a regular file, so it may be (re)placed by a file.</summary>
    /// <param name="path">The destination.</param>
    /// <exception cref="IOException">The path is a directory, a FIFO, a device or a socket.</exception>
    public static void RequireReplaceable(string path)
    {
        FileKind kind = KindOf(path);
        if (kind is FileKind.Directory or FileKind.Special)
        {
            throw new IOException(Refusal(path, kind));
        }
    }

    /// <summary>Reads a UTF-8 text file of at most <paramref name="maxBytes"/> bytes (a leading BOM is dropped).</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The size limit.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">Not a regular file, larger than the limit, or unreadable.</exception>
    public static string ReadAllText(string path, int maxBytes = DefaultMaxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        FileKind kind = KindOf(path);
        if (kind == FileKind.Missing)
        {
            throw new FileNotFoundException($"'{path}' does not exist", path);
        }

        if (kind != FileKind.Regular)
        {
            throw new IOException(Refusal(path, kind));
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        byte[] buffer = new byte[Math.Min(maxBytes + 1L, Math.Max(stream.CanSeek ? stream.Length + 1 : 4096, 1))];
        int total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > maxBytes)
                {
                    throw new IOException($"'{path}' is larger than {Size(maxBytes)}");
                }

                Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1L, buffer.Length * 2L));
            }

            int read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        string text = new UTF8Encoding(false).GetString(buffer, 0, total);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static string Refusal(string path, FileKind kind) => kind == FileKind.Directory
        ? $"'{path}' is a directory, not a file"
        : $"'{path}' is not a regular file (it is a FIFO, a device or a socket)";

    private static string Size(int bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";
}
