package dev.caro.api.format;

import dev.caro.api.Stable;

/**
 * How the text will be shown.
 *
 * @param terminal whether standard output is a terminal (humans read it) rather than a pipe
 * @param color whether ANSI colors may be used ({@code NO_COLOR} and pipes turn it off)
 * @param quiet only the essential output: for a generated command, the command alone
 * @param verbose add detail: backend, timings, every finding
 */
@Stable(since = "1.0")
public record FormatOptions(boolean terminal, boolean color, boolean quiet, boolean verbose) {

    /** For pipes: no terminal, no color. */
    public static FormatOptions pipe() {
        return new FormatOptions(false, false, false, false);
    }
}
