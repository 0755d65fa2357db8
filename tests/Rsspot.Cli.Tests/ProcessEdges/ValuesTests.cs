using System.Text;
using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>Issue 29, item 6: values that crashed the process are read as the Python rsspot reads them or refused by name.</summary>
[Trait("Category", "EndToEnd")]
public sealed class ValuesTests(CliFixture cli) : IClassFixture<CliFixture>
{
    private static string Jwt(string expJson)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Part("""{"alg":"HS256","typ":"JWT"}""") + "." + Part($$"""{"sub":"someone","exp":{{expJson}}}""") + ".c2lnbmF0dXJl";
    }

    private static string OneErrorLine(CliResult result)
    {
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        return line;
    }

    [Theory]
    [InlineData("\"1999999999\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("[1]")]
    [InlineData("{\"at\":1}")]
    [InlineData("1e300")]
    [InlineData("-1e300")]
    [InlineData("1.5")]
    public async Task An_access_token_whose_exp_is_any_JSON_value_never_crashes(string exp)
    {
        var env = cli.Environment;
        env["RSSPOT_ACCESS_TOKEN"] = Jwt(exp);

        var result = await CliRunner.RunProcessAsync(env, null, "regions", "list", "--no-cache", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("element of type", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("100000")]
    public async Task Configure_refuses_a_request_timeout_out_of_range_naming_the_flag(string value)
    {
        var result = await cli.RunAsync("configure", "--profile", "timeouts", "--request-timeout", value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--request-timeout", OneErrorLine(result), StringComparison.Ordinal);
        Assert.DoesNotContain("timeouts:", await File.ReadAllTextAsync(cli.ConfigPath), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RSSPOT_REQUEST_TIMEOUT_SECONDS", "1e10")]
    [InlineData("RSSPOT_REQUEST_TIMEOUT_SECONDS", "1e308")]
    [InlineData("RSSPOT_REQUEST_TIMEOUT_SECONDS", "0")]
    [InlineData("RSSPOT_MAX_RETRIES", "99999999999")]
    [InlineData("RSSPOT_MAX_RETRIES", "-1")]
    [InlineData("RSSPOT_RETRY_BACKOFF_FACTOR", "1e300")]
    public async Task A_numeric_variable_out_of_range_exits_3_naming_it(string variable, string value)
    {
        var env = cli.Environment;
        env[variable] = value;

        var result = await CliRunner.RunProcessAsync(env, null, "regions", "list", "--no-cache");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains(variable, OneErrorLine(result), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("request_timeout_seconds", "1e308")]
    [InlineData("max_retries", "99999999999")]
    [InlineData("retry_backoff_factor", "1e300")]
    public async Task A_numeric_config_key_out_of_range_exits_3_naming_it(string key, string value)
    {
        var dir = Directory.CreateTempSubdirectory("rsspot-values-").FullName;
        try
        {
            var config = Path.Combine(dir, "config.yaml");
            await File.WriteAllTextAsync(config, $"active_profile: p\nprofiles:\n  p:\n    org: acme\n    base_url: {cli.Emulator.BaseUrl}\n    {key}: {value}\n");
            var env = new Dictionary<string, string> { ["HOME"] = dir, ["RSSPOT_CONFIG"] = config };

            var result = await CliRunner.RunProcessAsync(env, null, "regions", "list");

            Assert.True(result.ExitCode == 3, result.ToString());
            Assert.Contains(key, OneErrorLine(result), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_RSSPOT_OUTPUT_is_refused_naming_it()
    {
        var env = cli.Environment;
        env["RSSPOT_OUTPUT"] = "garbage";

        var result = await CliRunner.RunProcessAsync(env, null, "regions", "list");

        Assert.True(result.ExitCode is 2 or 3, result.ToString());
        Assert.Contains("RSSPOT_OUTPUT", OneErrorLine(result), StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }
}
