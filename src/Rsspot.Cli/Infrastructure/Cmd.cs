using System.CommandLine;

namespace Rsspot.Cli.Infrastructure;

/// <summary>Small helpers to declare commands tersely.</summary>
internal static class Cmd
{
    public static Command New(string name, string description, params Symbol[] children)
    {
        var command = new Command(name, description);
        foreach (var child in children)
        {
            switch (child)
            {
                case Command sub: command.Subcommands.Add(sub); break;
                case Option option: command.Options.Add(option); break;
                case Argument argument: command.Arguments.Add(argument); break;
            }
        }

        return command;
    }

    public static Command Group(string name, string description, params Command[] children) => New(name, description, children);

    /// <summary>Sets the action; exceptions flow to <see cref="CliApp"/>, which maps them to exit codes.</summary>
    public static Command Runs(this Command command, CliSession session, Func<ParseResult, CancellationToken, Task> action)
    {
        command.SetAction(async (parse, ct) =>
        {
            session.CommandRan = true;
            await action(parse, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Like <see cref="Runs(Command, CliSession, Func{ParseResult, CancellationToken, Task})"/> for an action that decides the exit code.</summary>
    public static Command RunsForExitCode(this Command command, CliSession session, Func<ParseResult, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parse, ct) =>
        {
            session.CommandRan = true;
            return await action(parse, ct).ConfigureAwait(false);
        });
        return command;
    }

    public static Command Runs(this Command command, CliSession session, Action<ParseResult> action)
    {
        command.SetAction(parse =>
        {
            session.CommandRan = true;
            action(parse);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Argument<string> NameArgument(string name, string description) => new(name) { Description = description };

    public static Option<bool> Yes() => new("--yes", "-y") { Description = "Do not ask for confirmation" };

    public static Option<string[]> Repeatable(string name, string description, string helpName) => Repeatable([name], description, helpName);

    /// <summary>A repeatable option; the first of <paramref name="names"/> is its name, the others aliases.</summary>
    public static Option<string[]> Repeatable(string[] names, string description, string helpName) =>
        new(names[0], names[1..]) { Description = description, HelpName = helpName, AllowMultipleArgumentsPerToken = false, Arity = ArgumentArity.ZeroOrMore };
}
