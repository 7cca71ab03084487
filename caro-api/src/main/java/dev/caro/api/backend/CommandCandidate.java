package dev.caro.api.backend;

import dev.caro.api.Stable;
import java.util.Objects;

/**
 * One proposed command.
 *
 * @param command the shell command, one logical line (it may contain pipes and {@code &&})
 * @param explanation what it does, in one or two sentences; may be empty
 * @param confidence the backend's confidence from 0 to 1, or -1 when it cannot tell
 */
@Stable(since = "1.0")
public record CommandCandidate(String command, String explanation, double confidence) {

    public CommandCandidate {
        Objects.requireNonNull(command, "command");
        explanation = Objects.requireNonNullElse(explanation, "");
        if (!(confidence == -1 || (confidence >= 0 && confidence <= 1))) {
            throw new IllegalArgumentException("confidence must be -1 or within [0, 1]: " + confidence);
        }
    }

    public static CommandCandidate of(String command, String explanation) {
        return new CommandCandidate(command, explanation, -1);
    }
}
