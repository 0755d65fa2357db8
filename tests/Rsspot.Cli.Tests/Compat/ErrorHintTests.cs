using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.Compat;

/// <summary>Usage errors name what the user typed on that command, never a flag the command does not have.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ErrorHintTests : IClassFixture<CliFixture>
{
    private readonly CliFixture _cli;

    public ErrorHintTests(CliFixture cli)
    {
        _cli = cli;
    }

    [Theory]
    [InlineData("desired=1,serverclass=gp.vs1.medium-dfw,bidprice=abc", "bidprice='abc'", "--bid-price")]
    [InlineData("desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.1,min=5,max=2", "min=5,max=2", "--autoscale")]
    [InlineData("desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.1,name=NOTUUID", "name='NOTUUID'", "<name>")]
    [InlineData("desired=1,serverclass=gp.vs1.medium-dfw,bidprize=0.1", "did you mean 'bidprice'", "--bid-price")]
    public async Task Inline_pool_errors_name_the_key_inside_the_flag(string pool, string expected, string notNamed)
    {
        var result = await _cli.RunAsync("cloudspaces", "create", "hint-demo", "--region", "us-central-dfw-1", "--spot-nodepool", pool);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --spot-nodepool: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(notNamed, result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--file")]
    [InlineData("-f")]
    public async Task An_empty_kubeconfig_path_names_the_flag_given(string flag)
    {
        var result = await _cli.RunAsync("cloudspaces", "get-config", "some-cs", flag, "");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: {flag}: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--path", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_payload_names_payload_json()
    {
        var result = await _cli.RunAsync("registration", "mark", "vmreg-x", "submitted", "--payload-json", "{bad");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--payload-json", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("--json:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sdk_validation_names_the_spelling_the_user_typed()
    {
        var result = await _cli.RunAsync("nodepools", "spot", "create", "--cloudspace", "x", "--serverclass", "gp.vs1.medium-dfw", "--bidprice", "-1");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --bidprice: ", result.Stderr, StringComparison.Ordinal);

        var range = await _cli.RunAsync("nodepools", "spot", "create", "--cloudspace", "x", "--serverclass", "gp.vs1.medium-dfw", "--bid-price", "0.1", "--autoscaling-min", "5", "--autoscaling-max", "2");
        Assert.Equal(2, range.ExitCode);
        Assert.StartsWith("error: --autoscaling-min/--autoscaling-max: ", range.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Name_as_argument_and_flag_at_once_is_a_usage_error()
    {
        var result = await _cli.RunAsync("cloudspaces", "get", "a", "--name", "b");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--name", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_in_a_spec_file_names_the_nearest_valid_key_and_creates_nothing()
    {
        var spec = Path.Combine(_cli.Home, "typo.yaml");
        await File.WriteAllTextAsync(spec, "name: typo-demo\nregion: us-central-dfw-1\nspotPool:\n  - {serverClass: gp.vs1.medium-dfw, bidPrice: 0.08}\n");
        var result = await _cli.RunAsync("cloudspaces", "create", "--file", spec);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown key 'spotPool'; did you mean 'spotPools'?", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(5, (await _cli.RunAsync("cloudspaces", "get", "typo-demo")).ExitCode);
    }
}
