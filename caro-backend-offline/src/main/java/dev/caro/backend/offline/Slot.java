package dev.caro.backend.offline;

/**
 * One piece of information found in the request, with where it was found, so that the backend can
 * tell whether the command it renders used everything the user said.
 *
 * @param kind what the value is
 * @param value the value, ready to render (a directory, a find size operand, a count, ...)
 * @param start first character in the request text
 * @param end one past the last character
 */
record Slot(Kind kind, String value, int start, int end) {

    enum Kind {
        FILE, DIR, URL, HOST, PORT, USER, GLOB, EXT, QUOTE, SIZE, TIME, COUNT, NAME, EXCLUDE, DEPTH,
        /** "recursively": the command must recurse (a pattern of the intent covers it, or it allows it). */
        RECURSIVE,
        /** "keep the original": the command must not replace its input. */
        KEEP
    }

    boolean overlaps(int s, int e) {
        return start < e && s < end;
    }
}
