using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Infrastructure;

/// <summary>A mistyped command or option gets "did you mean" from the words the command really has.</summary>
public sealed class TypoHintTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("rsspot-typo-").FullName;

    private Dictionary<string, string> Env => new() { ["HOME"] = _home, ["NO_COLOR"] = "1" };

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Theory]
    [InlineData(new[] { "regoins", "list" }, "regions")]
    [InlineData(new[] { "cloudspcaes", "list" }, "cloudspaces")]
    [InlineData(new[] { "regions", "lsit" }, "list")]
    [InlineData(new[] { "pricing", "histroy", "gp.vs1.medium-dfw" }, "history")]
    [InlineData(new[] { "regions", "list", "--outptu", "json" }, "--output")]
    [InlineData(new[] { "server-classes", "list", "--regoin", "us-central-dfw-1" }, "--region")]
    public async Task A_typo_exits_2_and_suggests_the_nearest_word(string[] args, string suggestion)
    {
        var result = await CliRunner.RunAsync(Env, null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Did you mean '{suggestion}'?", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_word_far_from_every_command_gets_no_guess()
    {
        var result = await CliRunner.RunAsync(Env, null, "xyzzyplugh");

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("Did you mean", result.Stderr, StringComparison.Ordinal);
    }
}
