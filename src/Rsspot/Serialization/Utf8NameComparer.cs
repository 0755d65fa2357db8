using System.Text;

namespace Rsspot.Serialization;

/// <summary>
/// Compares JSON property names as strings and as their raw UTF-8 bytes alike, so a table of field setters can be
/// looked up by the bytes of a property name without decoding it. The hash is not randomised: the tables hold the
/// models' own field names only and never grow with what a server sends.
/// </summary>
internal sealed class Utf8NameComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
{
    public static readonly Utf8NameComparer Instance = new();

    private Utf8NameComparer()
    {
    }

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj) => Hash(Encoding.UTF8.GetBytes(obj));

    public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

    public bool Equals(ReadOnlySpan<byte> alternate, string other) =>
        System.Text.Ascii.Equals(alternate, other)
        || (!System.Text.Ascii.IsValid(other) && alternate.SequenceEqual(Encoding.UTF8.GetBytes(other)));

    public string Create(ReadOnlySpan<byte> alternate) => Encoding.UTF8.GetString(alternate);

    /// <summary>FNV-1a over the bytes.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)hash;
    }
}
