using System.Text.Json.Nodes;

namespace Rsspot.Cli.Output.Python;

/// <summary>What a <see cref="PythonField"/> holds.</summary>
internal enum PythonFieldKind
{
    Scalar,
    Map,
    List,
    Object,
}
