package dev.caro.core.eval;

import java.util.List;
import java.util.Objects;

/**
 * One request of an nl2cmd dataset.
 *
 * @param line the 1-based line in the dataset file
 * @param prompt the request as a user would type it
 * @param expected acceptable GNU/Linux commands, preferred first; empty for a request the backend
 *     should decline
 * @param bsd macOS/BSD commands, present only where they differ from {@code expected}
 * @param accept further acceptable commands that are not the preferred spelling
 * @param category the task family, e.g. {@code git}
 * @param tags phrasing and feature hints, e.g. {@code typo}, {@code units}
 */
public record EvalCase(int line, String prompt, List<String> expected, List<String> bsd, List<String> accept,
        String category, List<String> tags) {

    public EvalCase {
        Objects.requireNonNull(prompt, "prompt");
        expected = List.copyOf(expected == null ? List.of() : expected);
        bsd = List.copyOf(bsd == null ? List.of() : bsd);
        accept = List.copyOf(accept == null ? List.of() : accept);
        category = category == null ? "" : category;
        tags = List.copyOf(tags == null ? List.of() : tags);
    }

    /** Whether the request should get no command at all. */
    public boolean expectsDecline() {
        return expected.isEmpty();
    }

    /** The acceptable answers for a userland: BSD uses {@code bsd} where given. */
    public List<String> acceptable(boolean bsdUserland) {
        List<String> base = bsdUserland && !bsd.isEmpty() ? bsd : expected;
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(accept);
        return all;
    }
}
