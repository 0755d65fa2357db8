using Rsspot.Security;

namespace Rsspot.Configuration;

/// <summary>
/// An exclusive lock on a config file, held through a lock file beside it (<c>&lt;config&gt;.lock</c>, mode 0600)
/// opened without sharing (an advisory <c>flock</c> on Unix, released by the OS if the process dies). The lock
/// file itself is left in place: removing it would let two writers lock two different files.
/// </summary>
internal sealed class ConfigFileLock : IDisposable
{
    private readonly FileStream _stream;

    private ConfigFileLock(FileStream stream)
    {
        _stream = stream;
    }

    // Generous: a holder only reads, edits and writes one small file, and a holder that dies releases the lock.
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    public static ConfigFileLock Acquire(string configPath, TimeSpan timeout)
    {
        string lockPath = configPath + ".lock";
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = AtomicFile.OwnerOnly;
        }

        long started = Environment.TickCount64;
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                BoundedFile.RequireReplaceable(lockPath);
                AtomicFile.EnsureDirectory(Path.GetDirectoryName(lockPath)!);
                return new ConfigFileLock(new FileStream(lockPath, options));
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ConfigException(
                    $"Config file '{configPath}' cannot be written: permission denied on its folder (rsspot locks the file with another beside it). Fix: make its folder writable for you.",
                    configPath,
                    innerException: ex);
            }
            catch (IOException ex) when (BoundedFile.KindOf(lockPath) is FileKind.Directory or FileKind.Special)
            {
                throw new ConfigException($"Config file '{configPath}' cannot be locked: {ex.Message}. Fix: remove it.", configPath, innerException: ex);
            }
            catch (IOException ex) when (File.Exists(lockPath))
            {
                if (Environment.TickCount64 - started > timeout.TotalMilliseconds)
                {
                    throw new ConfigException(
                        $"Config file '{configPath}' stayed locked by another rsspot process for {timeout.TotalSeconds:0} s ({lockPath}). Fix: wait for it to finish and try again.",
                        configPath,
                        innerException: ex);
                }

                Thread.Sleep(Math.Min(100, 5 + (attempt * 5)) + Random.Shared.Next(10));
            }
            catch (IOException ex)
            {
                throw new ConfigException(
                    $"Config file '{configPath}' cannot be written: rsspot locks it with a file beside it, and its folder does not allow that. Fix: name a config file in a folder you can write.",
                    configPath,
                    innerException: ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
