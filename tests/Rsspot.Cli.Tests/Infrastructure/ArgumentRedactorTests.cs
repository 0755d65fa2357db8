using Rsspot.Cli.Infrastructure;
using Rsspot.Security;

namespace Rsspot.Cli.Tests.Infrastructure;

public sealed class ArgumentRedactorTests
{
    private const string Mask = SecretPolicy.Mask;
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl";

    [Fact]
    public void Secret_flags_are_redacted_in_both_forms_and_secret_shaped_values_anywhere()
    {
        var redactor = new ArgumentRedactor(KnownSecrets.Collect([], null));
        string[] args = ["--refresh-token", "plain-rt", "--password=hunter2", "--org", "acme", "--note", Jwt, "--body-json", "{\"a\":1}", "--api-key=k"];

        Assert.Equal(
            ["--refresh-token", Mask, "--password=" + Mask, "--org", "acme", "--note", Mask, "--body-json", "{\"a\":1}", "--api-key=" + Mask],
            redactor.Redact(args));
    }

    [Fact]
    public void A_secret_flag_followed_by_another_flag_does_not_swallow_it()
    {
        var redactor = new ArgumentRedactor(KnownSecrets.Collect([], null));

        Assert.Equal(["--token", "--org", "acme"], redactor.Redact(["--token", "--org", "acme"]));
    }

    [Fact]
    public void A_value_given_to_a_secret_flag_is_masked_wherever_else_it_appears()
    {
        string[] args = ["configure", "--refresh-token", "plain-secret-value", "--client-id", "plain-secret-value", "--org=x-plain-secret-value-y"];
        var redactor = new ArgumentRedactor(KnownSecrets.Collect(args, null));

        Assert.Equal(["configure", "--refresh-token", Mask, "--client-id", Mask, "--org=x-" + Mask + "-y"], redactor.Redact(args));
    }

    [Fact]
    public void Json_arguments_pair_lists_and_url_credentials_are_masked()
    {
        var redactor = new ArgumentRedactor(KnownSecrets.Collect([], null));

        var redacted = redactor.Redact(["--body-json", "{\"refresh_token\":\"abc\",\"n\":1}", "--spot-nodepool", "name=a,token=xyz", "--webhook", "https://u:pw@hooks.example/x"]);

        Assert.Equal(["--body-json", "{\"refresh_token\":\"" + Mask + "\",\"n\":1}", "--spot-nodepool", "name=a,token=" + Mask, "--webhook", "https://u:" + Mask + "@hooks.example/x"], redacted);
    }

    [Fact]
    public void Known_values_are_masked_in_text_also_when_url_escaped()
    {
        var secrets = KnownSecrets.Collect([], null);
        secrets.Add("a/b+c secret");
        var redactor = new ArgumentRedactor(secrets);

        Assert.Equal("GET /x?q=" + Mask + " and " + Mask, redactor.RedactText("GET /x?q=" + Uri.EscapeDataString("a/b+c secret") + " and a/b+c secret"));
    }
}
