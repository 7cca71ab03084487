package dev.caro.cli;

import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Decision;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.SafetyMode;
import dev.caro.core.text.TerminalText;
import java.io.IOException;
import java.util.Optional;

/**
 * What the safety decision lets happen when the user asks to run a command: run it, ask first
 * (y/N for HIGH in moderate mode, the typed word {@code yes} for CRITICAL), or refuse. Shared by
 * {@code -x} and the menu so both ask the same questions.
 */
final class ExecutionGate {

    private final CliEnvironment env;
    private final boolean yes;

    ExecutionGate(CliEnvironment env, boolean yes) {
        this.env = env;
        this.yes = yes;
    }

    /** Empty when the command may run now; otherwise the exit code that says why not. */
    Optional<Integer> check(Assessment assessment, SafetyMode mode, Decision decision) throws IOException {
        String risk = assessment.risk().name();
        switch (decision) {
            case BLOCK:
                env.err().println("caro: not running this " + risk + " command: the " + mode.id()
                        + " safety mode blocks it.");
                return Optional.of(ExitCodes.BLOCKED);
            case CONFIRM:
                if (yes) {
                    return Optional.empty();
                }
                if (!env.stdinTerminal()) {
                    env.err().println("caro: this " + risk + " command needs confirmation; rerun with --yes, or in a terminal.");
                    return Optional.of(ExitCodes.BLOCKED);
                }
                reasons(assessment);
                if (new Keyboard(env).key("Run this " + risk + " command? [y/N] ") != 'y') {
                    env.err().println("caro: not run.");
                    return Optional.of(ExitCodes.DECLINED);
                }
                return Optional.empty();
            case CONFIRM_TYPED:
                if (!env.stdinTerminal()) {
                    env.err().println("caro: this " + risk + " command runs only after you type 'yes' in a terminal; --yes does not apply.");
                    return Optional.of(ExitCodes.BLOCKED);
                }
                reasons(assessment);
                Optional<String> answer = new Keyboard(env).line("This command is " + risk + ". Type 'yes' to run it: ", "");
                if (answer.isEmpty() || !answer.get().strip().equals("yes")) {
                    env.err().println("caro: not run.");
                    return Optional.of(ExitCodes.DECLINED);
                }
                return Optional.empty();
            default:
                return Optional.empty();
        }
    }

    /** When standard output is not the terminal, the reasons were not shown yet; show them with the question. */
    private void reasons(Assessment assessment) {
        if (env.stdoutTerminal()) {
            return;
        }
        for (Finding f : assessment.findings()) {
            env.err().println("  - " + TerminalText.sanitize(f.message(), false) + " [" + f.ruleId() + "]");
        }
    }
}
