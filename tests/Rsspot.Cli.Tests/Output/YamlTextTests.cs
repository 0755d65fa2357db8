using System.Diagnostics;
using System.Text.Json.Nodes;
using Rsspot.Cli.Output;
using YamlDotNet.RepresentationModel;

namespace Rsspot.Cli.Tests.Output;

/// <summary>
/// YAML output escapes control characters (C0, DEL, C1 such as U+009B) and a lone <c>\r</c>, so PyYAML reads every
/// file back and every name comes back identical; checked with YamlDotNet and, where Python 3 with PyYAML is
/// installed, with PyYAML itself.
/// </summary>
public sealed class YamlTextTests
{
    private static readonly string[] NameList =
    [
        "csi\u009b31m-red",
        "nel\u0085next",
        "cr\rreturn",
        "crlf\r\nline",
        "esc\u001b[2Jclear",
        "del\u007fx",
        "bidi\u202egnp",
        "plain-name",
        "multi\nline",
        "true",
        "0.0030",
    ];

    public static TheoryData<string> Names => new(NameList);

    [Theory]
    [MemberData(nameof(Names))]
    public void Names_read_back_identical_with_yamldotnet(string name)
    {
        var yaml = YamlText.Serialize(new JsonObject { ["name"] = name, ["items"] = new JsonArray(name) });
        Assert.DoesNotContain(yaml, c => (c < ' ' && c != '\n') || c is >= '\u007f' and <= '\u009f');
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal(name, ((YamlScalarNode)root.Children[new YamlScalarNode("name")]).Value);
        Assert.Equal(name, ((YamlScalarNode)((YamlSequenceNode)root.Children[new YamlScalarNode("items")]).Children[0]).Value);
    }

    [SkippableFact]
    public async Task Pyyaml_reads_every_name_back_identical()
    {
        Skip.IfNot(await PyYamlAvailableAsync(), "python3 with PyYAML is not installed here.");
        var names = NameList.ToList();
        var yaml = YamlText.Serialize(new JsonArray([.. names.Select(n => (JsonNode)n)]));
        var start = new ProcessStartInfo("python3", ["-c", "import sys, yaml, json; print(json.dumps(yaml.safe_load(sys.stdin.read())))"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var python = Process.Start(start)!;
        await python.StandardInput.WriteAsync(yaml);
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync();
        var error = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        Assert.True(python.ExitCode == 0, error);
        Assert.Equal(names, JsonNode.Parse(output)!.AsArray().Select(n => n!.GetValue<string>()));
    }

    private static async Task<bool> PyYamlAvailableAsync()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("python3", ["-c", "import yaml"]) { RedirectStandardError = true })!;
            await probe.WaitForExitAsync();
            return probe.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
