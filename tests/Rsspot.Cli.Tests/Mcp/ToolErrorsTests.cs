using System.Net;
using Rsspot.Cli.Commands.Mcp;

namespace Rsspot.Cli.Tests.Mcp;

/// <summary>The text of a failed tool call: the server's own reason kept, SDK names turned into the tools' argument names, hostile text made safe and short.</summary>
public sealed class ToolErrorsTests
{
    [Fact]
    public void A_server_error_keeps_the_servers_reason_and_message()
    {
        var error = new SpotApiException("Get the price history of \"gp.vs9.nothing-dfw\" failed: HTTP 400 BadRequest.", HttpStatusCode.BadRequest, "BadRequest", "unknown server class", "get the price history");

        var message = ToolErrors.Message(error);

        Assert.Equal("Get the price history of \"gp.vs9.nothing-dfw\" failed: HTTP 400 BadRequest. The server said: unknown server class", message);
    }

    [Fact]
    public void A_reason_the_message_does_not_name_is_added()
    {
        var error = new SpotApiException("Create cloudspace \"a\" failed: HTTP 409.", HttpStatusCode.Conflict, "AlreadyExists", null, "create cloudspace");

        Assert.Equal("Create cloudspace \"a\" failed: HTTP 409. (reason: AlreadyExists)", ToolErrors.Message(error));
    }

    [Fact]
    public void Sdk_property_names_become_the_tools_argument_names()
    {
        var error = new ArgumentException("Give a node count (Nodes) or a total capacity (TotalVcpu and/or TotalMemoryGb).", "Nodes");

        Assert.Equal("Give a node count (nodes) or a total capacity (vcpu and/or memory_gb).", ToolErrors.Message(error));
    }

    [Fact]
    public void Control_and_bidi_characters_are_removed_and_long_text_is_cut()
    {
        var hostile = "bad\u0000\u001b[31mred\u0007 \u202Eevil\u2066x\u200Fy\n" + new string('z', 5000);

        var message = ToolErrors.Clean(hostile);

        Assert.StartsWith("badred evilxy zzz", message, StringComparison.Ordinal);
        Assert.DoesNotContain(message, c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
        Assert.Equal(ToolErrors.MaxLength, message.Length);
        Assert.EndsWith("[cut: message too long]", message, StringComparison.Ordinal);
    }
}
