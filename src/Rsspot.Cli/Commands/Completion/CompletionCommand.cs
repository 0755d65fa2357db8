using System.CommandLine;
using Rsspot.Cli.Infrastructure;

namespace Rsspot.Cli.Commands.Completion;

/// <summary>
/// <c>completion bash|zsh|fish|powershell</c>: scripts that ask rsspot itself for completions through
/// System.CommandLine's <c>[suggest:position]</c> directive, so they always match the installed version.
/// </summary>
internal static class CompletionCommand
{
    /// <param name="Shell">bash, zsh, fish or powershell.</param>
    internal sealed record Options(string Shell);

    public static Command Create(CliSession session, RootCommand root)
    {
        _ = root;
        var shell = new Argument<string>("shell") { Description = "bash | zsh | fish | powershell" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "powershell");
        return Cmd.New(
            "completion",
            """
            Print a shell completion script.

            Examples:
              source <(rsspot completion bash)                       # add to ~/.bashrc
              rsspot completion zsh > "${fpath[1]}/_rsspot"
              rsspot completion fish > ~/.config/fish/completions/rsspot.fish
              rsspot completion powershell | Out-String | Invoke-Expression   # add to $PROFILE
            """,
            shell).Runs(session, p => Run(new Options(p.GetValue(shell)!), session));
    }

    public static void Run(Options options, CliSession session) => session.Output.Raw(Script(options.Shell));

    public static string Script(string shell) => shell switch
    {
        "bash" => """
            # rsspot bash completion
            _rsspot_complete() {
                local IFS=$'\n'
                local words
                words=$(rsspot "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)
                COMPREPLY=( $(compgen -W "${words}" -- "${COMP_WORDS[COMP_CWORD]}") )
            }
            complete -o default -F _rsspot_complete rsspot

            """,
        "zsh" => """
            #compdef rsspot
            # rsspot zsh completion
            _rsspot() {
                local -a words
                words=("${(@f)$(rsspot "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
                compadd -- ${words}
            }
            compdef _rsspot rsspot

            """,
        "fish" => """
            # rsspot fish completion
            complete -c rsspot -f -a '(set -l line (commandline -cp); rsspot "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null)'

            """,
        _ => """
            # rsspot PowerShell completion
            Register-ArgumentCompleter -Native -CommandName rsspot -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $line = $commandAst.ToString()
                rsspot "[suggest:$cursorPosition]" "$line" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
    };
}
