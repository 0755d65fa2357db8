namespace Rsspot.Security;

/// <summary>What a path names, as far as reading or replacing it is concerned.</summary>
internal enum FileKind
{
    /// <summary>Nothing exists at the path.</summary>
    Missing,

    /// <summary>A regular file (or a link to one).</summary>
    Regular,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A FIFO, a device (such as <c>/dev/zero</c>) or a socket: never read or replaced.</summary>
    Special,
}
