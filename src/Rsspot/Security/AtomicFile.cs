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

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically, mode 0600.</summary>
    /// <param name="path">The destination; its directory is created (mode 0700) when missing.</param>
    /// <param name="bytes">The content.</param>
    /// <exception cref="IOException">The destination is a directory, a FIFO, a device or a socket, or cannot be written.</exception>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(bytes);
        string fullPath = Path.GetFullPath(path);
        BoundedFile.RequireReplaceable(fullPath);
        string directory = Path.GetDirectoryName(fullPath)!;
        EnsureDirectory(directory);
        string temp = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
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
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
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
