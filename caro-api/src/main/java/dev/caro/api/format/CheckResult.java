package dev.caro.api.format;

import dev.caro.api.Stable;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Decision;
import dev.caro.api.safety.SafetyMode;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one command given to {@code caro check}.
 *
 * @param assessment risk and findings
 * @param mode the safety mode in force
 * @param decision what that mode does with the command
 * @param warnings other remarks, e.g. syntax the target shell lacks; never null
 */
@Stable(since = "1.0")
public record CheckResult(Assessment assessment, SafetyMode mode, Decision decision, List<String> warnings) {

    public CheckResult {
        Objects.requireNonNull(assessment, "assessment");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(decision, "decision");
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }
}
