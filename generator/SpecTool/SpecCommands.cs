namespace Rsspot.SpecTool;

/// <summary>Entry point of the spec tool: dispatches <c>lint</c>, <c>index</c> and <c>diff</c>.</summary>
internal static class SpecCommands
{
    private const string Usage = """
        usage: rsspot-spec <command> ...
          lint <spec>               validate the OpenAPI file and the project's conventions
          index <spec>              print the operation inventory as Markdown
          client-input <spec> <out> write the spec for the client generator (without readOnly)
          constants <spec> <out.cs> <namespace> <class>
                                    write the schemas' patterns, lengths, bounds and enums as C# constants
          diff <upstream> <spec>    compare operations, schema properties and constraints; exit 1 if the spec lacks
                                    an upstream operation or constraint, or departs from one without x-rsspot-stricter
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return args switch
            {
                ["lint", var spec] => Lint(spec, stdout, stderr),
                ["index", var spec] => Index(spec, stdout),
                ["diff", var upstream, var spec] => Diff(upstream, spec, stdout),
                ["client-input", var spec, var output] => WriteClientInput(spec, output),
                ["constants", var spec, var output, var ns, var className] => WriteConstants(spec, output, ns, className),
                _ => UsageError(stderr),
            };
        }
        catch (SpecLoadException ex)
        {
            stderr.WriteLine(ex.Message);
            return 1;
        }
    }

    private static int UsageError(TextWriter stderr)
    {
        stderr.WriteLine(Usage);
        return 2;
    }

    private static int Lint(string path, TextWriter stdout, TextWriter stderr)
    {
        var problems = SpecLinter.Lint(path);
        foreach (var problem in problems)
        {
            stderr.WriteLine(problem);
        }

        if (problems.Count > 0)
        {
            stderr.WriteLine($"{path}: {problems.Count} problem(s); fix them and build again.");
            return 1;
        }

        stdout.WriteLine($"{path}: OK");
        return 0;
    }

    private static int WriteClientInput(string specPath, string outputPath)
    {
        ClientInput.Write(specPath, outputPath);
        return 0;
    }

    private static int WriteConstants(string specPath, string outputPath, string ns, string className)
    {
        var code = ConstraintConstants.ToCSharp(SpecDocument.Load(specPath), ns, className);
        if (!File.Exists(outputPath) || File.ReadAllText(outputPath) != code)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
            File.WriteAllText(outputPath, code);
        }

        return 0;
    }

    private static int Index(string path, TextWriter stdout)
    {
        var spec = SpecDocument.Load(path);
        stdout.Write(OperationIndex.ToMarkdown(spec));
        return 0;
    }

    private static int Diff(string upstreamPath, string specPath, TextWriter stdout)
    {
        var report = SpecDiff.Compare(SpecDocument.Load(upstreamPath), SpecDocument.Load(specPath));
        stdout.Write(report.ToMarkdown());
        return report.Fails ? 1 : 0;
    }
}
