using System.Text;

namespace Rsspot.Security;

/// <summary>
/// Writes files that may hold secrets: atomically (a temp file in the same directory, then a rename, so a
/// reader never sees half a file and a crash leaves the old file intact) and, on Unix, with mode 0600.
/// </summary>
public static class AtomicFile
{
    /// <summary>Owner read/write only.</summary>
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner read/write/execute only, for directories that hold secrets.</summary>
    public const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Writes <paramref name="contents"/> as UTF-8 (no BOM) to <paramref name="path"/> atomically, mode 0600.</summary>
    /// <param name="path">The destination; its directory is created (mode 0700) when missing.</param>
    /// <param name="contents">The text to write.</param>
    public static void WriteAllText(string path, string contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        WriteAllBytes(path, new UTF8Encoding(false).GetBytes(contents));
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> atomically, mode 0600. A symbolic link is written
    /// through (its final target is replaced, the link stays), as the Python rsspot does. Temp files a killed
    /// writer left in the folder (<c>.&lt;name&gt;.*.tmp</c>, older than <see cref="StaleTempAge"/>) are removed first.
    /// </summary>
    /// <param name="path">The destination; its directory is created (mode 0700) when missing.</param>
    /// <param name="bytes">The content.</param>
    /// <exception cref="IOException">The destination is a directory, a FIFO, a device or a socket, or cannot be written; the message names <paramref name="path"/>, never the temp file.</exception>
    /// <exception cref="UnauthorizedAccessException">The destination or its folder is not writable; the message names <paramref name="path"/>.</exception>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(bytes);
        string fullPath = FinalTarget(Path.GetFullPath(path));
        BoundedFile.RequireReplaceable(fullPath);
        string directory = Path.GetDirectoryName(fullPath)!;
        string temp = Path.Combine(directory, TempPrefix(fullPath) + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            EnsureDirectory(directory);
            RemoveStaleTemps(fullPath);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnly;
            }

            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, fullPath, overwrite: true);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UnauthorizedAccessException($"'{fullPath}' cannot be written: permission denied (rsspot writes a temp file in its folder, then renames it; both need write access to '{directory}').", ex);
        }
        catch (IOException ex) when (!ex.Message.StartsWith("'" + fullPath + "'", StringComparison.Ordinal))
        {
            // The temp file's name means nothing to the user: the message names the file they asked for.
            throw new IOException($"'{fullPath}' cannot be written: {ex.Message.Replace(temp, fullPath, StringComparison.Ordinal).TrimEnd('.')}.", ex);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>How old a leftover temp file must be before a later write removes it (younger ones may be another writer's).</summary>
    public static TimeSpan StaleTempAge { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Removes the temp files (<c>.&lt;name&gt;.&lt;hex&gt;.tmp</c>) that writes of <paramref name="path"/> left behind
    /// when their process was killed, if older than <see cref="StaleTempAge"/>. Best effort.
    /// </summary>
    /// <param name="path">The file whose leftover temps to remove.</param>
    public static void RemoveStaleTemps(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string fullPath = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(fullPath);
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }

        string prefix = TempPrefix(fullPath);
        try
        {
            foreach (string candidate in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
            {
                string middle = Path.GetFileName(candidate)[prefix.Length..^".tmp".Length];
                if (middle.Length == 12 && middle.All(char.IsAsciiHexDigitLower)
                    && DateTime.UtcNow - File.GetLastWriteTimeUtc(candidate) > StaleTempAge)
                {
                    TryDelete(candidate);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a folder that cannot be listed holds nothing rsspot can remove.
        }
    }

    /// <summary>The file a path finally names: symbolic links followed (a dangling link names its missing target).</summary>
    /// <param name="fullPath">An absolute path.</param>
    /// <returns>The final target, or <paramref name="fullPath"/> when it is not a link.</returns>
    public static string FinalTarget(string fullPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullPath);
        var current = fullPath;
        for (int hops = 0; hops < 40; hops++)
        {
            FileInfo info = new(current);
            if (info.LinkTarget is not { } target)
            {
                return current;
            }

            current = Path.GetFullPath(target, Path.GetDirectoryName(current)!);
        }

        throw new IOException($"'{fullPath}' cannot be written: too many levels of symbolic links.");
    }

    private static string TempPrefix(string fullPath) => "." + Path.GetFileName(fullPath) + ".";

    private static void TryDelete(string file)
    {
        try
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next write's RemoveStaleTemps.
        }
    }

    /// <summary>Creates a directory (mode 0700 on Unix) when it does not exist.</summary>
    /// <param name="directory">The directory path.</param>
    public static void EnsureDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }
}
