using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace Rsspot.Tests.PublicApi;

/// <summary>The SDK speaks of settings, never of the rsspot tool's flags: the CLI adds its own advice.</summary>
public sealed partial class SdkStringsTests
{
    [Fact]
    public void No_string_in_the_SDK_names_a_command_line_flag()
    {
        using var stream = File.OpenRead(typeof(SpotClient).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var strings = new List<string>();
        var handle = MetadataTokens.UserStringHandle(1);
        while (!handle.IsNil)
        {
            strings.Add(metadata.GetUserString(handle));
            handle = metadata.GetNextHandle(handle);
        }

        Assert.NotEmpty(strings);
        Assert.Contains(strings, s => s.Contains("RSSPOT_REFRESH_TOKEN", StringComparison.Ordinal));
        Assert.DoesNotContain(strings, s => Flag().IsMatch(s));
    }

    [GeneratedRegex(@"(^|[\s(`'])--[a-z]")]
    private static partial Regex Flag();
}
