package dev.caro.api.shell;

import dev.caro.api.Stable;
import java.util.Objects;

/**
 * One shell word (an argument, a command name, a redirection target).
 *
 * @param source the word exactly as written, quotes included
 * @param value the word after quote removal and escape processing, with variables whose value is
 *     known substituted ({@code ~} and {@code $HOME} become the home directory); unknown
 *     expansions stay in their written form, e.g. {@code $DIR/}
 * @param quoted whether any part of the word was quoted
 * @param unknownExpansion whether the value contains a parameter expansion, command substitution
 *     or arithmetic whose value caro does not know
 * @param glob whether the unquoted part of the word has glob characters ({@code * ? [})
 * @param span where the word is in the original text
 */
@Stable(since = "1.0")
public record Word(String source, String value, boolean quoted, boolean unknownExpansion, boolean glob, Span span) {

    public Word {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(span, "span");
    }

    /** Whether the value is fully known: no unknown expansion. */
    public boolean literal() {
        return !unknownExpansion;
    }

    /** Whether the value starts with {@code -} (an option, unless after {@code --}). */
    public boolean looksLikeOption() {
        return value.startsWith("-") && value.length() > 1;
    }
}
