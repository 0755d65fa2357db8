using System.Text;
using Rsspot.Serialization;

namespace Rsspot.Tests.Serialization;

/// <summary>A table keyed by field names finds the same entries by a name's string and by its raw UTF-8 bytes.</summary>
public sealed class Utf8NameComparerTests
{
    private static readonly string[] Names = ["apiVersion", "metadata", "", "größe", "名前", "x-y_z.1"];

    [Fact]
    public void Every_name_is_found_by_its_string_and_by_its_UTF8_bytes()
    {
        var table = Names.ToDictionary(n => n, n => n.Length, Utf8NameComparer.Instance);
        var byBytes = table.GetAlternateLookup<ReadOnlySpan<byte>>();

        foreach (var name in Names)
        {
            Assert.True(table.TryGetValue(name, out var byString));
            Assert.True(byBytes.TryGetValue(Encoding.UTF8.GetBytes(name), out var byUtf8));
            Assert.Equal(name.Length, byString);
            Assert.Equal(byString, byUtf8);
            Assert.Equal(Utf8NameComparer.Instance.GetHashCode(name), Utf8NameComparer.Instance.GetHashCode(Encoding.UTF8.GetBytes(name).AsSpan()));
        }
    }

    [Theory]
    [InlineData("apiversion")]
    [InlineData("metadat")]
    [InlineData("metadata ")]
    [InlineData("grosse")]
    [InlineData("名")]
    public void A_name_that_differs_in_any_byte_is_not_found(string other)
    {
        var byBytes = Names.ToDictionary(n => n, n => n.Length, Utf8NameComparer.Instance).GetAlternateLookup<ReadOnlySpan<byte>>();

        Assert.False(byBytes.ContainsKey(Encoding.UTF8.GetBytes(other)));
    }
}
