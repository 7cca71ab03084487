package dev.caro.core.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.shell.FunctionDefinition;
import dev.caro.api.shell.Redirect;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
import dev.caro.api.shell.Word;
import java.time.Duration;

/** What must hold for every input, whatever it is. */
final class ParserInvariants {

    /** Generous: typical inputs take microseconds; this only catches hangs and blow-ups. */
    static final Duration TIME_BOX = Duration.ofSeconds(2);

    private ParserInvariants() {}

    static void check(String text) {
        check(text, Scripts.CONTEXT);
    }

    /** {@link #check(String)} for a line judged in {@code context} (e.g. for fish or zsh). */
    static void check(String text, ExecutionContext context) {
        ShellScript s = assertTimeoutPreemptively(TIME_BOX, () -> Scripts.parse(text, context), () -> "hangs on: " + text);
        s.parseError().ifPresent(e -> {
            assertFalse(e.message().startsWith("caro's parser failed"), () -> e.message() + " on: " + text);
            inside(e.span(), text);
        });
        for (SimpleCommand c : s.commands()) {
            check(c, text);
        }
        for (FunctionDefinition f : s.functions()) {
            inside(f.span(), text);
        }
    }

    private static void check(SimpleCommand c, String text) {
        inside(c.span(), text);
        inside(c.nameWord().span(), text);
        for (Word w : c.args()) {
            inside(w.span(), text);
        }
        for (Word w : c.assignments()) {
            inside(w.span(), text);
        }
        for (Redirect r : c.redirects()) {
            inside(r.span(), text);
            inside(r.target().span(), text);
        }
        assertTrue(c.depth() >= 0);
    }

    private static void inside(Span span, String text) {
        assertTrue(span.end() <= text.length(), () -> "span " + span + " outside the " + text.length()
                + "-character input: " + text);
    }
}
