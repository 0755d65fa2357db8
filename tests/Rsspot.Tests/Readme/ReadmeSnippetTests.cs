using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Rsspot.Tests.Support;

namespace Rsspot.Tests.Readme;

/// <summary>Every <c>```csharp</c> block of README.md compiles against the SDK as pasted.</summary>
public sealed partial class ReadmeSnippetTests
{
    public static TheoryData<int> Snippets() => [.. Enumerable.Range(0, ReadSnippets().Count)];

    [Fact]
    public void The_README_has_csharp_snippets() => Assert.NotEmpty(ReadSnippets());

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_README_snippet_compiles(int index)
    {
        var (line, code) = ReadSnippets()[index];
        var tree = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Regular));
        var compilation = CSharpCompilation.Create(
            $"ReadmeSnippet{index}",
            [tree, CSharpSyntaxTree.ParseText(GlobalUsings)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

        Assert.True(errors.Count == 0, $"README.md line {line}:\n{string.Join('\n', errors)}");
    }

    /// <summary>The implicit usings of a console project, as in a new app.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The framework and every assembly beside the tests (the SDK, the emulator, the test libraries a README test uses).</summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return [.. platform.Concat(local)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.First())
            .Where(IsManagedAssembly)
            .Select(path => MetadataReference.CreateFromFile(path))];
    });

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static List<(int Line, string Code)> ReadSnippets()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));
        return [.. Block().Matches(text).Select(m => (text[..m.Index].Count(c => c == '\n') + 1, m.Groups["code"].Value))];
    }

    [GeneratedRegex(@"^```csharp[ \t]*\r?\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
