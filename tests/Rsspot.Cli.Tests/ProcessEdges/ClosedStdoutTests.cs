using Rsspot.Cli.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>Issue 29, item 5: a writer stops when the reader of its stdout goes away (<c>pricing watch | head -1</c>).</summary>
[Trait("Category", "EndToEnd")]
public sealed class ClosedStdoutTests(CliFixture cli) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task Pricing_watch_exits_0_soon_after_its_reader_closes_the_pipe()
    {
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "piped", "--region", "us-central-dfw-1", "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.08")).ExitCode);
        await using var watch = CliProcess.Start(cli.Environment, "pricing", "watch", "--cloudspace", "piped", "--interval", "1");

        var first = await watch.Stdout.ReadLineAsync();
        Assert.False(string.IsNullOrEmpty(first), watch.Stderr);
        watch.Stdout.Close();
        var requestsAtClose = cli.Emulator.GetRequestLog().Count;

        Assert.Equal(0, await watch.ExitCodeAsync(seconds: 30));
        Assert.DoesNotContain("error", watch.Stderr, StringComparison.OrdinalIgnoreCase);
        await Task.Delay(2500);
        var after = cli.Emulator.GetRequestLog().Count;
        Assert.True(after - requestsAtClose < 20, $"{after - requestsAtClose} requests after the pipe closed");
    }

    [Fact]
    public async Task A_shell_pipeline_into_head_ends_with_the_watch_exiting_0()
    {
        Assert.Equal(0, (await cli.RunAsync("cloudspaces", "create", "headed", "--region", "us-central-dfw-1", "--spot-nodepool", "desired=1,serverclass=gp.vs1.medium-dfw,bidprice=0.08")).ExitCode);
        var rsspot = CliRunner.StartInfo(cli.Environment, "pricing", "watch", "--cloudspace", "headed", "--interval", "1");
        var command = string.Join(' ', new[] { rsspot.FileName }.Concat(rsspot.ArgumentList).Select(a => "'" + a + "'")) + " | head -1; exit ${PIPESTATUS[0]}";

        var environment = rsspot.Environment.ToDictionary(kv => kv.Key, kv => kv.Value ?? string.Empty);
        var start = CliRunner.StartInfo(environment);
        start.FileName = "bash";
        start.ArgumentList.Clear();
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var bash = System.Diagnostics.Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bash.WaitForExitAsync(timeout.Token);

        Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}\n{await stderr}");
        Assert.Single((await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
