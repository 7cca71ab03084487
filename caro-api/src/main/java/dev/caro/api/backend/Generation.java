package dev.caro.api.backend;

import dev.caro.api.Stable;
import java.util.List;
import java.util.Objects;

/**
 * A backend's answer: candidate commands, raw model text for caro to extract commands from, or
 * nothing (with the reason).
 *
 * @param candidates commands, best first; may be empty
 * @param rawText the model's raw output when the backend did not extract commands itself; empty
 *     otherwise
 * @param note why there is no answer, or a remark for verbose output; never null
 */
@Stable(since = "1.0")
public record Generation(List<CommandCandidate> candidates, String rawText, String note) {

    public Generation {
        candidates = List.copyOf(candidates == null ? List.of() : candidates);
        rawText = Objects.requireNonNullElse(rawText, "");
        note = Objects.requireNonNullElse(note, "");
    }

    /** An answer with commands, best first. */
    public static Generation of(List<CommandCandidate> candidates) {
        return new Generation(candidates, "", "");
    }

    /** An answer as raw model text; caro extracts the command. */
    public static Generation ofText(String rawText) {
        return new Generation(List.of(), rawText, "");
    }

    /** No answer; caro tries the next backend. */
    public static Generation none(String why) {
        return new Generation(List.of(), "", why);
    }

    /** Whether the backend gave neither commands nor text. */
    public boolean isEmpty() {
        return candidates.isEmpty() && rawText.isBlank();
    }
}
