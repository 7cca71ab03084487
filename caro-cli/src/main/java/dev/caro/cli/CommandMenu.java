package dev.caro.cli;

import dev.caro.api.format.CheckResult;
import dev.caro.api.format.CommandResult;
import dev.caro.core.pipeline.PipelineRequest;
import java.io.IOException;
import java.util.Optional;

/**
 * The one-key menu after a command is shown on a terminal: execute, edit, explain, copy, revise
 * or cancel. Cancel is the default: Enter, q, Escape, Ctrl-C, Ctrl-D and end of input all leave
 * without running anything. Each question discards keys typed before it (see {@link Keyboard}).
 */
final class CommandMenu {

    static final String PROMPT = "[e]xecute  e[d]it  e[x]plain  [c]opy  [r]evise  [q]uit (default) > ";

    private final CaroCommand caro;
    private final Session session;
    private final CliEnvironment env;
    private final Keyboard keyboard;
    private CommandResult current;

    CommandMenu(CaroCommand caro, CommandResult result) {
        this.caro = caro;
        this.session = caro.session();
        this.env = session.cli();
        this.keyboard = new Keyboard(env);
        this.current = result;
    }

    /** Runs the menu until the user executes or leaves; returns caro's exit code. */
    int run() throws IOException, InterruptedException {
        while (true) {
            int key = keyboard.key(PROMPT);
            switch (key) {
                case 'e':
                    return caro.execute(current);
                case 'd':
                    edit();
                    break;
                case 'x':
                    env.out().print(caro.explainer().explain(current.command(), current.context(), env.color()));
                    env.out().flush();
                    break;
                case 'c':
                    env.err().println(new Clipboard(env).copy(current.command()));
                    break;
                case 'r':
                    revise();
                    break;
                case 'q', Keyboard.ENTER, Keyboard.ESCAPE, Keyboard.CTRL_C, Keyboard.CTRL_D, Keyboard.EOF:
                    return ExitCodes.OK;
                default:
                    env.err().println("Press e, d, x, c or r; q or Enter leaves.");
                    break;
            }
        }
    }

    /** Edits the command on a pre-filled line, then judges and shows the edited command. */
    private void edit() throws IOException {
        Optional<String> edited = keyboard.line("edit> ", current.command());
        if (edited.isEmpty() || edited.get().isBlank() || edited.get().strip().equals(current.command())) {
            return;
        }
        String command = edited.get().strip();
        CheckResult check = session.pipeline().check(command, current.context(), current.mode());
        current = new CommandResult(current.prompt(), command, "Edited by you.", java.util.List.of(), current.backend(),
                current.context(), check.assessment(), check.mode(), check.decision(), check.warnings(),
                current.elapsed());
        caro.recordGenerated(current);
        show();
    }

    /** Asks for a refinement and generates again from the request plus the refinement. */
    private void revise() throws IOException, InterruptedException {
        Optional<String> refinement = keyboard.line("revise> ", "");
        if (refinement.isEmpty() || refinement.get().isBlank()) {
            return;
        }
        String prompt = current.prompt() + ", " + refinement.get().strip();
        if (prompt.length() > CaroCommand.MAX_PROMPT_CHARS) {
            env.err().println("caro: the revised request is too long; keep the refinement short.");
            return;
        }
        PipelineRequest request = new PipelineRequest(prompt, current.context(), session.backend(), current.mode(),
                session.timeout());
        Optional<CommandResult> result = caro.generate(request);
        if (result.isEmpty()) {
            env.err().println("caro: keeping the previous command.");
            return;
        }
        current = result.get();
        caro.recordGenerated(current);
        show();
    }

    private void show() {
        env.out().print(session.formatter().render(current, session.formatOptions(false, caro.verbose)));
        env.out().flush();
    }
}
