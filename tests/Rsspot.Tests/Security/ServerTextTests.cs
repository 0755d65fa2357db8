using Rsspot.Security;

namespace Rsspot.Tests.Security;

public sealed class ServerTextTests
{
    [Theory]
    [InlineData("title\u001b]0;pwned\u0007 end", "title end")]
    [InlineData("title\u001b]0;pwned\u001b\\ end", "title end")]
    [InlineData("clear\u001b[2J now", "clear now")]
    [InlineData("red\u001b[31;1mtext\u001b[0m", "redtext")]
    [InlineData("c1 csi\u009b31m end", "c1 csi end")]
    [InlineData("c1 osc\u009d0;x\u009c end", "c1 osc end")]
    [InlineData("bell\u0007 del\u007f nel\u0085 end", "bell del nel end")]
    [InlineData("two\r\nlines\tand tab", "two lines and tab")]
    [InlineData("bidi \u202eevil\u202c text", "bidi evil text")]
    [InlineData("dangling escape\u001b", "dangling escape")]
    [InlineData("plain text", "plain text")]
    public void Clean_removes_escape_sequences_and_control_characters(string text, string expected)
    {
        Assert.Equal(expected, ServerText.Clean(text));
    }

    [Fact]
    public void Clean_keeps_null()
    {
        Assert.Null(ServerText.Clean(null));
    }

    [Theory]
    [InlineData("token was rsspot-known-secret-value here", "rsspot-known-secret-value")]
    [InlineData("password=hunter2 rejected", "hunter2")]
    [InlineData("{\"refresh_token\": \"abc123def\"}", "abc123def")]
    [InlineData("Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.sig", "eyJhbGciOiJub25lIn0")]
    [InlineData("see http://user:pa55word@example.com/x", "pa55word")]
    public void Redact_masks_echoed_secrets(string text, string secret)
    {
        var redacted = ServerText.Redact(text, ["rsspot-known-secret-value"]);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(SecretPolicy.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_leaves_ordinary_validation_messages_alone()
    {
        const string message = "spec.bidPrice: Invalid value: \"abc\": must be a decimal number";

        Assert.Equal(message, ServerText.Redact(message, ["short"]));
    }
}
