using System.Net;
using System.Text.RegularExpressions;

namespace Rsspot.Emulator.Tests;

public class CommandLineTests
{
    [Fact]
    public void Options_are_parsed_with_space_or_equals()
    {
        var options = EmulatorCommandLine.Parse([
            "--port", "0", "--refresh-token=secret", "--org", "acme", "--token-lifetime", "30", "--ready-after", "0",
            "--data", "state.json", "--org-page-size", "3", "--latency-ms", "5", "--fail-rate", "0.25", "--fail-status", "502",
            "--rate-limit-rate", "0.1", "--retry-after", "4", "--drop-rate", "0.05", "--fault-method", "get", "--fault-path", "/apis/",
            "--deletion-grace", "20", "--continue-lifetime=60", "--kube-token-ttl", "5",
        ]);

        Assert.Equal(0, options.Port);
        Assert.Equal("secret", options.RefreshToken);
        Assert.Equal("acme", options.OrganizationName);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TokenLifetime);
        Assert.Equal(TimeSpan.Zero, options.ReadyAfter);
        Assert.Equal("state.json", options.DataFile);
        Assert.Equal(3, options.OrganizationPageSize);
        Assert.Equal(TimeSpan.FromSeconds(20), options.DeletionGracePeriod);
        Assert.Equal(TimeSpan.FromSeconds(60), options.ContinueLifetime);
        Assert.Equal(TimeSpan.FromSeconds(5), options.KubeTokenLifetime);
        var faults = options.Faults!;
        Assert.Equal(5, faults.LatencyMs);
        Assert.Equal(0.25, faults.FailRate);
        Assert.Equal(502, faults.FailStatus);
        Assert.Equal(0.1, faults.RateLimitRate);
        Assert.Equal(4, faults.RetryAfterSeconds);
        Assert.Equal(0.05, faults.DropRate);
        Assert.Equal("GET", faults.Method);
        Assert.Equal("/apis/", faults.PathPrefix);
    }

    [Fact]
    public void Defaults_suit_a_sandbox()
    {
        var options = EmulatorCommandLine.Parse([]);

        Assert.Equal(EmulatorCommandLine.DefaultPort, options.Port);
        Assert.Equal(EmulatorOptions.DefaultRefreshToken, options.RefreshToken);
        Assert.Equal(EmulatorOptions.DefaultOrganizationName, options.OrganizationName);
        Assert.Null(options.Faults);
        Assert.Null(options.DataFile);
        Assert.Equal(TimeSpan.Zero, options.DeletionGracePeriod);
        Assert.Equal(TimeSpan.FromMinutes(5), options.ContinueLifetime);
    }

    [Theory]
    [InlineData("--bogus", "--bogus")]
    [InlineData("--port=abc", "--port")]
    [InlineData("--fail-rate=1.5", "--fail-rate")]
    [InlineData("--fail-status=404", "--fail-status")]
    [InlineData("--org", "--org")]
    [InlineData("--deletion-grace=-1", "--deletion-grace")]
    public async Task A_bad_option_exits_2_with_a_message_naming_it(string arg, string named)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await EmulatorCommandLine.RunAsync([arg], output, error, CancellationToken.None);

        Assert.Equal(EmulatorCommandLine.UsageError, code);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_given_twice_keeps_the_last_value_and_a_value_may_look_like_a_response_file()
    {
        var options = EmulatorCommandLine.Parse(["--port", "1", "--port=2", "--refresh-token", "@not-a-file", "--market-seed", "-7"]);

        Assert.Equal(2, options.Port);
        Assert.Equal("@not-a-file", options.RefreshToken);
        Assert.Equal(-7, options.MarketSeed);
    }

    [Theory]
    [InlineData(new[] { "--org" }, "option --org needs a value")]
    [InlineData(new[] { "--bogus=1" }, "unknown option --bogus=1")]
    [InlineData(new[] { "--port", "1", "2" }, "unknown option 2")]
    [InlineData(new[] { "--port", "70000" }, "option --port expects a whole number from 0 to 65535, not '70000'")]
    [InlineData(new[] { "--fail-rate", "0,5" }, "option --fail-rate expects a share from 0 to 1, not '0,5'")]
    [InlineData(new[] { "--org", " " }, "option --org needs a non-empty value")]
    public async Task A_usage_error_is_one_line_naming_the_option(string[] args, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await EmulatorCommandLine.RunAsync(args, output, error, CancellationToken.None);

        Assert.Equal(EmulatorCommandLine.UsageError, code);
        Assert.Equal($"error: {message}. Run with --help to see the options.{Environment.NewLine}", error.ToString());
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public void Every_option_the_help_lists_is_one_the_parser_takes()
    {
        var listed = Regex.Matches(EmulatorCommandLine.Usage, @"^  (--[a-z-]+) (\S+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(25, listed.Count);
        Assert.All(listed, option =>
        {
            var error = Record.Exception(() => EmulatorCommandLine.Parse([option, "1"]));
            Assert.True(error is null || !error.Message.StartsWith("unknown option", StringComparison.Ordinal), error?.Message);
        });
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("--bogus", "--help")]
    public async Task Help_wins_over_anything_else_on_the_line(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await EmulatorCommandLine.RunAsync(args, output, error, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.StartsWith("Usage: rsspot-emulator [options]", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task Help_lists_the_options_and_exits_0()
    {
        using var output = new StringWriter();

        var code = await EmulatorCommandLine.RunAsync(["--help"], output, CancellationToken.None);

        Assert.Equal(0, code);
        foreach (var option in new[] { "--port", "--refresh-token", "--org", "--token-lifetime", "--ready-after", "--data", "--latency-ms", "--fail-rate", "--fail-status", "--rate-limit-rate", "--retry-after", "--drop-rate" })
        {
            Assert.Contains(option, output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_port_in_use_exits_2_saying_so_and_suggesting_another_port()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await EmulatorCommandLine.RunAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], output, error, CancellationToken.None);

        Assert.Equal(EmulatorCommandLine.UsageError, code);
        var text = error.ToString();
        Assert.Contains($"port {port}", text, StringComparison.Ordinal);
        Assert.Contains("already in use", text, StringComparison.Ordinal);
        Assert.Contains("--port", text, StringComparison.Ordinal);
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output.ToString());
    }

    [Fact]
    public async Task Run_prints_how_to_connect_serves_until_cancelled_and_stops_cleanly()
    {
        using var output = new SyncWriter();
        using var stop = new CancellationTokenSource();

        var run = EmulatorCommandLine.RunAsync(["--port", "0", "--org", "demo", "--refresh-token", "tok-123"], output, stop.Token);
        var url = await output.WaitForAsync(@"listening on (http://127\.0\.0\.1:\d+)");
        using (var http = new HttpClient())
        {
            using var response = await http.GetAsync(new Uri(url + "/percentiles.json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await stop.CancelAsync();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("tok-123", text, StringComparison.Ordinal);
        Assert.Contains("demo", text, StringComparison.Ordinal);
        Assert.Contains("/oauth/token", text, StringComparison.Ordinal);
        Assert.Contains("stopped", text, StringComparison.Ordinal);
    }

    /// <summary>A StringWriter that lets a test wait for a line the emulator prints from another task.</summary>
    private sealed class SyncWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override string ToString()
        {
            lock (_gate)
            {
                return base.ToString();
            }
        }

        public async Task<string> WaitForAsync(string pattern)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                var match = Regex.Match(ToString(), pattern);
                if (match.Success)
                {
                    return match.Groups[1].Value;
                }

                await Task.Delay(20);
            }

            throw new TimeoutException("The emulator printed no match for " + pattern + ": " + ToString());
        }
    }
}
