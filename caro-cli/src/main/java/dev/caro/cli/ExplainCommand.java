package dev.caro.cli;

import dev.caro.api.context.ExecutionContext;
import dev.caro.core.config.ConfigKey;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code caro explain COMMAND}: break a command down without generating or running anything. */
@Command(name = "explain", sortOptions = false,
        description = {"Breaks a shell command down: each program, option, argument and redirection, with the",
            "system's own documentation (whatis, man) and caro's safety verdict. Runs nothing."})
final class ExplainCommand implements Callable<Integer> {

    @ParentCommand
    CaroCommand parent;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (quote it), or '-' to read it from standard input.")
    List<String> words;

    @Option(names = "--safety", paramLabel = "MODE", description = "strict, moderate (default) or permissive.")
    String safety;

    @Option(names = {"-s", "--shell"}, paramLabel = "SHELL", description = "The shell the command is for (default: detected).")
    String shell;

    @Override
    public Integer call() throws IOException {
        Session session = parent.session();
        CliEnvironment env = session.cli();
        session.flag(ConfigKey.SAFETY, safety);
        session.flag(ConfigKey.SHELL, shell);
        String command = words == null ? "" : String.join(" ", words).strip();
        if (command.equals("-")) {
            command = StandardInputText.read(env.in(), CaroCommand.MAX_PROMPT_CHARS * 4,
                    "the command on standard input is not valid UTF-8 text").strip();
        }
        if (command.isEmpty()) {
            env.err().println("caro explain: no command given.");
            env.err().println("Usage: caro explain 'COMMAND'   e.g. caro explain 'ls -la | grep txt > out.txt'");
            return ExitCodes.USAGE;
        }
        ExecutionContext context = session.context();
        env.out().println(dev.caro.core.text.TerminalText.sanitize(command, false));
        env.out().print(parent.explainer().explain(command, context, env.color()));
        env.out().flush();
        return ExitCodes.OK;
    }
}
