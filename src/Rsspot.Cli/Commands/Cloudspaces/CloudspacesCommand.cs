using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Cloudspaces;

/// <summary><c>cloudspaces list|get|create|update|delete|get-config|wait|spec-schema</c>.</summary>
internal static class CloudspacesCommand
{
    public static Command Create(CliSession session) => Cmd.Group(
        "cloudspaces",
        "Cloudspaces (managed Kubernetes clusters)",
        ListCommand.Create(session),
        GetCommand.Create(session),
        CreateCommand.Create(session),
        UpdateCommand.Create(session),
        DeleteCommand.Create(session),
        GetConfigCommand.Create(session),
        WaitCommand.Create(session),
        SpecSchemaCommand.Create(session),
        CredentialCommand.Create(session));

    /// <summary>The cloudspace name, as the argument or with <c>--name</c>.</summary>
    internal static NameInput NameArg() => new("name", "cloudspace name");

    internal static Option<int> TimeoutOption() => new("--timeout") { Description = "Seconds to wait for Ready (default 1800)", DefaultValueFactory = _ => 1800 };
}
