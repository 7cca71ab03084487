package dev.caro.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code caro init bash|zsh|fish}: a snippet for the shell's startup file that binds Ctrl-G to turn
 * the text on the command line into a command, placed back in the line for review. Because the
 * shell itself runs the command when Enter is pressed, it lands in the shell's own history.
 */
@Command(name = "init", description = {"Prints shell integration: Ctrl-G turns the request you typed into a command in your",
    "command line. Add to your startup file, e.g. eval \"$(caro init bash)\" in ~/.bashrc."})
final class InitCommand implements Callable<Integer> {

    static final String BASH = """
            # caro shell integration for bash. In ~/.bashrc:  eval "$(caro init bash)"
            # Ctrl-G replaces the request typed on the command line with a command (nothing runs).
            __caro_line() {
              local request=$READLINE_LINE command
              [ -n "${request//[[:space:]]/}" ] || return 0
              command=$(command caro -q -s bash -- "$request" </dev/null) || return 0
              [ -n "$command" ] || return 0
              READLINE_LINE=$command
              READLINE_POINT=${#READLINE_LINE}
            }
            bind -x '"\\C-g": __caro_line'
            """;

    static final String ZSH = """
            # caro shell integration for zsh. In ~/.zshrc:  eval "$(caro init zsh)"
            # Ctrl-G replaces the request typed on the command line with a command (nothing runs).
            __caro_line() {
              local request=$BUFFER command
              [[ -n ${request//[[:space:]]/} ]] || return 0
              zle -I
              command=$(command caro -q -s zsh -- "$request" </dev/null)
              if [[ $? -eq 0 && -n $command ]]; then
                BUFFER=$command
                CURSOR=${#BUFFER}
              fi
              zle reset-prompt
            }
            zle -N __caro_line
            bindkey '^G' __caro_line
            """;

    static final String FISH = """
            # caro shell integration for fish. In ~/.config/fish/config.fish:  caro init fish | source
            # Ctrl-G replaces the request typed on the command line with a command (nothing runs).
            function __caro_line
                set -l request (commandline)
                if test -z (string trim -- "$request")
                    return
                end
                set -l command (command caro -q -s fish -- "$request" </dev/null | string collect)
                and test -n "$command"
                and commandline -r -- $command
                commandline -f repaint
            end
            bind \\cg __caro_line
            bind -M insert \\cg __caro_line 2>/dev/null
            """;

    @ParentCommand
    CaroCommand parent;

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    String shell;

    @Override
    public Integer call() {
        String snippet = switch (shell) {
            case "bash" -> BASH;
            case "zsh" -> ZSH;
            case "fish" -> FISH;
            default -> throw new UsageException("caro init supports bash, zsh and fish, not '" + shell + "'");
        };
        parent.session().cli().out().print(snippet);
        parent.session().cli().out().flush();
        return ExitCodes.OK;
    }
}
