namespace Rsspot.SpecTool;

/// <summary>Entry point of the spec tool: dispatches <c>lint</c>, <c>index</c> and <c>diff</c>.</summary>
internal static class SpecCommands
{
    private const string Usage = """
        usage: rsspot-spec <command> ...
          lint <spec>               validate the OpenAPI file and the project's conventions
          index <spec>              print the operation inventory as Markdown
          diff <upstream> <spec>    compare operations and schema properties; exit 1 if the spec lacks an upstream operation
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
        return report.MissingOperations.Count > 0 ? 1 : 0;
    }
}
