package dev.caro.backend.offline;

import java.util.regex.Pattern;

/** Quotes values for POSIX shells only when they need it, so commands stay readable. */
final class ShellQuote {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,^-]+");

    private ShellQuote() {}

    /** The word as the shell should see it: unchanged when plain, else single-quoted. */
    static String word(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        if (value.equals("$USER")) {
            return "\"$USER\""; // the current user ("owned by me"), expanded by the shell
        }
        // Keep ~ and ~/ unquoted so the shell still expands the home directory.
        if (value.equals("~")) {
            return value;
        }
        if (value.startsWith("~/")) {
            String rest = value.substring(2);
            return rest.isEmpty() ? "~/" : "~/" + word(rest);
        }
        return always(value);
    }

    /** Single-quotes the value whatever it holds (used for globs and patterns). */
    static String always(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
