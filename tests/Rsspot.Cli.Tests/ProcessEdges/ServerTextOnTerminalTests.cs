using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Rsspot.Cli.Tests.Support;
using Rsspot.Tests.Support;

namespace Rsspot.Cli.Tests.ProcessEdges;

/// <summary>
/// Issue 29, items 3 and 10: server text reaches a terminal only cleaned (the wait progress line, a kubeconfig
/// printed to a terminal), and tables show invisible characters, cut long cells and align wide characters.
/// </summary>
[UnsupportedOSPlatform("windows")]
[Trait("Category", "EndToEnd")]
public sealed class ServerTextOnTerminalTests(HostileCliFixture fixture) : IClassFixture<HostileCliFixture>, IDisposable
{
    /// <summary>An OSC 52 clipboard write, a screen clear, a colour, a bidi override and a C1 CSI.</summary>
    private const string Hostile = "\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u001b[31m\u202eProv\u009b2Jisioning";

    private HostileServer Server => fixture.Server;

    public void Dispose() => Server.Reset();

    private Dictionary<string, string> Env => new()
    {
        ["HOME"] = fixture.Home,
        ["RSSPOT_CONFIG"] = fixture.ConfigPath,
        ["NO_COLOR"] = "1",
        ["RSSPOT_MAX_RETRIES"] = "0",
    };

    private static void AssertNoControls(string text)
    {
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\u009b', text);
        Assert.DoesNotContain('\u202e', text);
    }

    [Fact]
    public async Task The_wait_progress_line_is_cleaned()
    {
        var cloudspace = new JsonObject
        {
            ["apiVersion"] = "ngpc.rxt.io/v1",
            ["kind"] = "CloudSpace",
            ["metadata"] = new JsonObject { ["name"] = "hostile-wait", ["namespace"] = Server.Emulator.Namespace },
            ["spec"] = new JsonObject { ["region"] = "us-central-dfw-1" },
            ["status"] = new JsonObject { ["phase"] = Hostile },
        };
        Server.FaultScope = r => r.Path.Value!.EndsWith("/cloudspaces/hostile-wait", StringComparison.Ordinal);
        Server.ApiFault = HostileFault.Status(200, "application/json", cloudspace.ToJsonString());

        var result = await CliRunner.RunProcessAsync(Env, null, "cloudspaces", "wait", "hostile-wait", "--timeout", "2", "--no-cache");

        Assert.Contains("cloudspace hostile-wait: Provisioning", result.Stderr, StringComparison.Ordinal);
        AssertNoControls(result.Stderr);
    }

    [Fact]
    public async Task A_kubeconfig_printed_to_a_terminal_is_cleaned_and_keeps_its_indentation()
    {
        var kubeconfig = "apiVersion: v1\nclusters:\n- cluster:\n    server: https://x.example\u001b]52;c;ZXZpbA==\u0007\u001b[2J\n  name: demo\u202e\n";
        Server.FaultScope = r => r.Path.Value!.Contains("generate-kubeconfig", StringComparison.Ordinal);
        Server.ApiFault = HostileFault.Status(200, "application/json", new JsonObject { ["data"] = new JsonObject { ["kubeconfig"] = kubeconfig } }.ToJsonString());

        await using var tty = TerminalSession.Start(Env, "cloudspaces", "get-config", "demo", "--no-cache");
        var exit = await tty.ExitCodeAsync();

        Assert.True(exit == 0, tty.Screen);
        AssertNoControls(tty.Screen);
        Assert.Contains("    server: https://x.example", tty.Screen, StringComparison.Ordinal);
        Assert.Contains("  name: demo", tty.Screen, StringComparison.Ordinal);

        var piped = await CliRunner.RunProcessAsync(Env, null, "cloudspaces", "get-config", "demo", "--no-cache");
        Assert.Equal(kubeconfig, piped.Stdout);
    }

    [Fact]
    public async Task Tables_show_invisible_characters_cut_long_cells_and_align_wide_characters()
    {
        static JsonObject Cloudspace(string name, string region) => new()
        {
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject { ["region"] = region },
            ["status"] = new JsonObject { ["phase"] = "Ready" },
        };
        var list = new JsonObject
        {
            ["kind"] = "CloudSpaceList",
            ["items"] = new JsonArray(
                Cloudspace("a-lookalike", "us-central-dfw\u200b-1"),
                Cloudspace(new string('x', 10_000), "us-central-dfw-1"),
                Cloudspace("b-数据库集群", "us-central-dfw-1"),
                Cloudspace("c-🚀🚀", "us-central-dfw-1")),
        };
        Server.FaultScope = r => r.Path.Value!.EndsWith("/cloudspaces", StringComparison.Ordinal);
        Server.ApiFault = HostileFault.Status(200, "application/json", list.ToJsonString());

        var result = await CliRunner.RunProcessAsync(Env, null, "cloudspaces", "list", "-o", "table", "--no-cache");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("us-central-dfw<U+200B>-1", result.Stdout, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.Length < 200, $"a line of {l.Length} characters"));
        Assert.Contains(lines, l => l.StartsWith(new string('x', 79) + "\u2026", StringComparison.Ordinal));

        // The REGION column starts at the same display column on every row (CJK and emoji count two columns).
        var header = lines[0];
        var regionColumn = header.IndexOf("REGION", StringComparison.Ordinal);
        foreach (var line in lines.Where(l => l.StartsWith("b-", StringComparison.Ordinal) || l.StartsWith("c-", StringComparison.Ordinal)))
        {
            var name = line.Split("  ")[0];
            var wide = name.EnumerateRunes().Count(r => r.Value > 0x2000 && r.Utf16SequenceLength == 1);
            Assert.Equal("us-central-dfw-1", line[(regionColumn - wide)..].Split(' ')[0]);
        }
    }
}
