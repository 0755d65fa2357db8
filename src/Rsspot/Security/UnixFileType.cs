using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Rsspot.Security;

/// <summary>
/// The file type bits of a path on Linux, read with <c>statx</c> (whose layout is the same on every
/// architecture). .NET exposes no file type beyond "directory", and opening a FIFO to find out blocks.
/// </summary>
internal static class UnixFileType
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int DirectoryType = 0x4000;

    /// <summary>The kind of an existing path, or <see langword="null"/> when it cannot be told (not Linux, or statx failed).</summary>
    public static FileKind? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            if (NativeMethods.Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        return (BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset)) & TypeMask) switch
        {
            RegularType => FileKind.Regular,
            DirectoryType => FileKind.Directory,
            _ => FileKind.Special,
        };
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, [Out] byte[] buffer);
    }
}
