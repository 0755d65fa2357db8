using System.Security.Cryptography;
using System.Text;
using Rsspot.Security;

namespace Rsspot.Tests.Security;

public sealed class ManagedSha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Known_vectors(string input, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(ManagedSha256.HashData(Encoding.ASCII.GetBytes(input))));
    }

    [Fact]
    public void Matches_the_platform_for_every_length_around_the_block_boundaries()
    {
        var random = new Random(1234);
        for (int length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(SHA256.HashData(data), ManagedSha256.HashData(data));
        }

        var large = new byte[100_003];
        random.NextBytes(large);
        Assert.Equal(SHA256.HashData(large), ManagedSha256.HashData(large));
    }
}
