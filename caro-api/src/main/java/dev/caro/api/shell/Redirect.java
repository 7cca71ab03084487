package dev.caro.api.shell;

import dev.caro.api.Stable;
import java.util.Objects;
import java.util.Optional;

/**
 * A redirection such as {@code >/dev/sda}, {@code 2>&1}, {@code <<EOF} or {@code <<<'text'}.
 *
 * @param fd the file descriptor redirected (1 for {@code >}, 0 for {@code <}), or -1 for
 *     {@code &>} which redirects both 1 and 2
 * @param operator the operator as written: {@code > >> < <> >| >& <& &> &>> << <<- <<<}
 * @param target the file, descriptor or here-string word; for here-documents the delimiter
 * @param hereDocument the body of a here-document, empty otherwise
 * @param span where the redirection is in the original text
 */
@Stable(since = "1.0")
public record Redirect(int fd, String operator, Word target, Optional<String> hereDocument, Span span) {

    public Redirect {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(target, "target");
        hereDocument = hereDocument == null ? Optional.empty() : hereDocument;
        Objects.requireNonNull(span, "span");
    }

    /** Whether this writes to its target as a file (truncating or appending). */
    public boolean writesFile() {
        return switch (operator) {
            case ">", ">>", ">|", "&>", "&>>", "<>" -> true;
            case ">&" -> !isDescriptor(target.value());
            default -> false;
        };
    }

    /** {@code -} (close) or a file descriptor number: {@code >&2} duplicates rather than writes a file. */
    private static boolean isDescriptor(String v) {
        if (v.equals("-")) {
            return true;
        }
        if (v.isEmpty()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether this feeds text to the command's standard input (here-document or here-string). */
    public boolean feedsText() {
        return operator.startsWith("<<");
    }
}
