package dev.caro.core.shell;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.ShellScript.ParseError;
import dev.caro.api.shell.Span;
import java.util.List;
import java.util.Optional;

/**
 * Parses a POSIX sh / bash command line and normalizes it into the {@link ShellScript} that
 * safety rules inspect: every simple command at every nesting level, with wrappers removed,
 * disguised names reduced, nested commands ({@code bash -c}, {@code eval}, {@code find -exec},
 * {@code xargs}, {@code ssh}, {@code su -c}, piped scripts, substitutions) unfolded, and known
 * variables and the working directory tracked.
 *
 * <p>Stateless and thread-safe. {@link #parse} never throws for any input and runs in time
 * roughly linear in the input; text it cannot parse sets {@link ShellScript#parseError()}.
 */
public final class ShellParser {

    /** Parses {@code text} as it would run in {@code context}. */
    public ShellScript parse(String text, ExecutionContext context) {
        if (text == null) {
            text = "";
        }
        try {
            SyntaxParser.Result syntax = new SyntaxParser(text, 0, null, 0).parse();
            Normalizer normalizer = new Normalizer(context);
            normalizer.walkTop(syntax.block());
            ParseError error = syntax.error() != null ? syntax.error() : normalizer.error();
            return new ShellScript(text, normalizer.commands(), normalizer.functions(), Optional.ofNullable(error));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in the parser must not let a command through unjudged: report it as unparseable.
            return new ShellScript(text, List.of(), List.of(), Optional.of(new ParseError(
                    "caro's parser failed on this command (" + e.getClass().getSimpleName() + ")",
                    new Span(0, text.length()))));
        }
    }
}
