using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Registration;

/// <summary><c>registration candidates|list|show|mark|reconcile</c> over the ledger in state.db, or in PostgreSQL with <c>--postgres</c>.</summary>
internal static class RegistrationCommand
{
    public static Command Create(CliSession session) => Cmd.Group(
        "registration",
        "VM registration ledger for external orchestrators (Sidero Omni or similar), kept in state.db",
        CandidatesCommand.Create(session),
        ListCommand.Create(session),
        ShowCommand.Create(session),
        MarkCommand.Create(session),
        ReconcileCommand.Create(session));
}
