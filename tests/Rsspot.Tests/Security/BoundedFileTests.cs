using Rsspot.Security;
using Rsspot.Tests.Configuration;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Security;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BoundedFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _dir.Dispose();
    }

    [Fact]
    public void Kinds_are_told_apart_without_opening_anything()
    {
        string file = Path.Combine(_dir.Path, "f");
        File.WriteAllText(file, "x");
        string fifo = Path.Combine(_dir.Path, "p");
        HostileConfigFileTests.MakeFifo(fifo);

        Assert.Equal(FileKind.Regular, BoundedFile.KindOf(file));
        Assert.Equal(FileKind.Directory, BoundedFile.KindOf(_dir.Path));
        Assert.Equal(FileKind.Special, BoundedFile.KindOf(fifo));
        Assert.Equal(FileKind.Special, BoundedFile.KindOf("/dev/zero"));
        Assert.Equal(FileKind.Missing, BoundedFile.KindOf(Path.Combine(_dir.Path, "none")));
    }

    [Fact]
    public void Reading_stops_at_the_limit_and_drops_a_bom()
    {
        string file = Path.Combine(_dir.Path, "f");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. "hello"u8]);

        Assert.Equal("hello", BoundedFile.ReadAllText(file));
        Assert.Equal("hello", BoundedFile.ReadAllText(file, maxBytes: 8));
        IOException ex = Assert.Throws<IOException>(() => BoundedFile.ReadAllText(file, maxBytes: 7));
        Assert.Contains("larger than 7 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Atomic_writes_refuse_to_replace_a_fifo_a_device_or_a_directory()
    {
        string fifo = Path.Combine(_dir.Path, "p");
        HostileConfigFileTests.MakeFifo(fifo);

        Assert.Throws<IOException>(() => AtomicFile.WriteAllText(fifo, "x"));
        Assert.Throws<IOException>(() => AtomicFile.WriteAllText(_dir.Path, "x"));
        Assert.Throws<IOException>(() => AtomicFile.WriteAllText("/dev/null", "x"));
        Assert.Equal(FileKind.Special, BoundedFile.KindOf(fifo));
    }
}
