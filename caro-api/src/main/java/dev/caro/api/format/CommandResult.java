package dev.caro.api.format;

import dev.caro.api.Stable;
import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Decision;
import dev.caro.api.safety.SafetyMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A generated command with everything caro knows about it.
 *
 * @param prompt the user's request
 * @param command the chosen command
 * @param explanation what the command does; may be empty
 * @param alternatives other candidate commands, best first; may be empty
 * @param backend the id of the backend that produced it
 * @param context where it is meant to run
 * @param assessment the safety verdict on the command
 * @param mode the safety mode in force
 * @param decision what that mode does with the command
 * @param warnings other remarks: syntax the target shell lacks, a request that asked for
 *     something the command does not do, a fallback to another backend; never null
 * @param elapsed how long generation took
 */
@Stable(since = "1.0")
public record CommandResult(
        String prompt,
        String command,
        String explanation,
        List<String> alternatives,
        String backend,
        ExecutionContext context,
        Assessment assessment,
        SafetyMode mode,
        Decision decision,
        List<String> warnings,
        Duration elapsed) {

    public CommandResult {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(command, "command");
        explanation = Objects.requireNonNullElse(explanation, "");
        alternatives = List.copyOf(alternatives == null ? List.of() : alternatives);
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(decision, "decision");
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
        elapsed = Objects.requireNonNullElse(elapsed, Duration.ZERO);
    }
}
