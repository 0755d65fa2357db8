using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Rsspot.Tests.Samples;

/// <summary>samples/RegistrationController's command line, run as the process: usage errors exit 2 with one line, and the help and the parser agree.</summary>
public sealed class RegistrationControllerCommandLineTests
{
    [Theory]
    [InlineData(new[] { "--bogus" }, "Unknown option '--bogus'. Run with --help for the list.")]
    [InlineData(new[] { "--watch", "true" }, "Unknown option 'true'. Run with --help for the list.")]
    [InlineData(new[] { "--state" }, "--state needs a value.")]
    [InlineData(new[] { "--batch", "-1" }, "--batch needs a whole number ≥ 0.")]
    [InlineData(new[] { "--omni-delay-ms=+3" }, "--omni-delay-ms needs a whole number ≥ 0.")]
    [InlineData(new[] { "--help", "--lease-seconds", "1e3" }, "--lease-seconds needs a whole number ≥ 0.")]
    public async Task A_bad_command_line_exits_2_with_one_line_naming_the_option(string[] args, string message)
    {
        var (code, stdout, stderr) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Equal(message, stderr.TrimEnd('\n'));
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public async Task Every_option_the_help_lists_is_one_the_parser_takes()
    {
        var (code, help, _) = await RunAsync("-h");
        Assert.Equal(0, code);
        var withValue = Regex.Matches(help, @"(--[a-z-]+) <([a-z]+)>").Select(m => (Name: m.Groups[1].Value, Value: m.Groups[2].Value)).DistinctBy(o => o.Name).ToList();
        var flags = Regex.Matches(help, @"^\s+(--[a-z-]+) {2,}\S", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(withValue.Count >= 21, string.Join(" ", withValue));
        Assert.Equal(["--watch", "--use-config"], flags);

        string[] args = [.. withValue.SelectMany(o => new[] { o.Name, Sample(o.Value) }), .. flags, "--omni-delay-ms", "5", "--help"];
        var (all, stdout, stderr) = await RunAsync(args);

        Assert.True(all == 0, $"exit {all}: {stderr}");
        Assert.Equal(help, stdout);
    }

    private static string Sample(string value) => value switch
    {
        "n" => "1",
        "url" => "http://127.0.0.1:9",
        "path" or "file" => Path.Combine(Path.GetTempPath(), "rsspot-sample-never-written.db"),
        _ => "x",
    };

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var process = Support.DotnetProcess.Start(RegistrationControllerProcess.DllPath(), args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
