package dev.caro.api.shell;

import dev.caro.api.Stable;

/**
 * A range of characters {@code [start, end)} in the original command text.
 * Nested commands (inside {@code bash -c '...'} for example) point at the enclosing word.
 */
@Stable(since = "1.0")
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() { return end - start; }

    /** The text this span covers in {@code source}. */
    public String of(String source) {
        return source.substring(Math.min(start, source.length()), Math.min(end, source.length()));
    }

    /** The smallest span covering both. */
    public Span union(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }

    // Written out, as Finding's: a record's generated equals and hashCode link through method handles.

    @Override
    public boolean equals(Object o) {
        return o instanceof Span s && start == s.start && end == s.end;
    }

    @Override
    public int hashCode() {
        return start * 31 + end;
    }
}
