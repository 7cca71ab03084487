package dev.caro.core.safety;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.ShellKind;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.SafetyRule;
import java.util.List;
import java.util.Optional;

/**
 * Judges commands: parses, normalizes, runs every rule, combines the findings.
 * PLACEHOLDER: the safety engine work replaces the bodies; the signatures are what the pipeline and CLI call.
 */
public final class SafetyEngine {

    private final List<SafetyRule> rules;

    public SafetyEngine(List<SafetyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<SafetyRule> rules() {
        return rules;
    }

    /** Judges {@code command} as it would run in {@code context}. Never throws for any input. */
    public Assessment assess(String command, ExecutionContext context) {
        throw new UnsupportedOperationException("safety engine not implemented yet");
    }

    /**
     * The intent check: when the request asks for something destructive or specific that the
     * command plainly does not do (e.g. "wipe my disk" answered with an echo), says so.
     */
    public Optional<String> intentWarning(String request, String command, Assessment assessment) {
        return Optional.empty();
    }

    /** Warnings about syntax that {@code shell} lacks (bash-isms under sh, POSIX syntax under fish/PowerShell). */
    public List<String> shellWarnings(String command, ShellKind shell) {
        return List.of();
    }
}
