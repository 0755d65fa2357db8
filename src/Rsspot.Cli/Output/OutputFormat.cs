using System.CommandLine.Parsing;

namespace Rsspot.Cli.Output;

/// <summary>How results are printed.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Yaml,
}
