package dev.caro.rules.internal;

import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.List;
import java.util.Optional;

/** What a command reads on standard input, when caro can tell. */
public final class Stdin {

    private Stdin() {}

    /**
     * Literal text fed to {@code c}: a here-document, a here-string, or {@code echo}/{@code printf}
     * of literal words piped straight in.
     */
    public static Optional<String> text(SimpleCommand c) {
        if (c.stdinText().isPresent()) {
            return c.stdinText();
        }
        List<SimpleCommand> up = c.upstream();
        if (up.isEmpty()) {
            return Optional.empty();
        }
        SimpleCommand last = up.get(up.size() - 1);
        String n = Names.of(last);
        if (!n.equals("echo") && !n.equals("printf") && !n.equals("write-output") && !n.equals("write-host")) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        for (Word w : last.args()) {
            if (n.equals("echo") && Args.isShortBundle(w.value()) && sb.length() == 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w.value());
        }
        return Optional.of(sb.toString().replace("\\n", "\n"));
    }

    /** Whether something feeds standard input: a pipe, a here-document or a here-string. */
    public static boolean fed(SimpleCommand c) {
        return !c.upstream().isEmpty() || c.stdinText().isPresent()
                || c.redirects().stream().anyMatch(r -> r.fd() == 0 || r.operator().startsWith("<"));
    }

    /** Whether any upstream command has one of {@code names}. */
    public static boolean upstreamHas(SimpleCommand c, java.util.Set<String> names) {
        for (SimpleCommand u : c.upstream()) {
            if (names.contains(Names.of(u))) {
                return true;
            }
        }
        return false;
    }
}
