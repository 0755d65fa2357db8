using System.CommandLine;
using Rsspot.Cli.Infrastructure;
using Rsspot.Cli.Input;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary><c>cloudspaces spec-schema</c>: the JSON Schema of the <c>create --file</c> format.</summary>
internal static class SpecSchemaCommand
{
    public static Command Create(CliSession session) => Cmd.New(
        "spec-schema",
        """
        Print the JSON Schema of the 'cloudspaces create --file' spec format, for editors that validate YAML and JSON.

        Example:
          rsspot cloudspaces spec-schema > cloudspace-spec.schema.json
          # then, as the first line of a spec file:
          # yaml-language-server: $schema=./cloudspace-spec.schema.json
        """).Runs(session, _ => Run(session));

    public static void Run(CliSession session) => session.Output.Raw(CloudspaceSpecSchema.Text());
}
