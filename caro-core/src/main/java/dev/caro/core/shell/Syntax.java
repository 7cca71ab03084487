package dev.caro.core.shell;

import dev.caro.api.shell.Span;
import java.util.List;

/**
 * The raw syntax tree the {@link SyntaxParser} builds, before variables are substituted and
 * wrappers removed. Internal to the parser and {@link Normalizer}.
 */
final class Syntax {

    private Syntax() {}

    /** A piece of a word. */
    sealed interface Part permits Lit, Param, CommandSub, Arith, Tilde, ScriptBlock {}

    /** Literal text; {@code quoted} when it came from quotes or a backslash escape. */
    record Lit(String text, boolean quoted) implements Part {}

    /**
     * A parameter expansion. {@code plain} for {@code $NAME} / {@code ${NAME}}; otherwise
     * {@code operator} holds what follows the name inside the braces (e.g. {@code ":-/tmp"}).
     */
    record Param(String name, String written, boolean quoted, boolean plain, String operator) implements Part {}

    /** {@code $( )}, backticks, or {@code <( )} / {@code >( )} when {@code process}. */
    record CommandSub(Block body, String written, boolean quoted, boolean process) implements Part {}

    /**
     * A PowerShell script block {@code { }} or parenthesised expression, or a cmd.exe {@code ( )}
     * block: literal text whose commands are also parsed so rules see them.
     */
    record ScriptBlock(Block body, String written) implements Part {}

    /** {@code $(( ))}. */
    record Arith(String written, boolean quoted) implements Part {}

    /** A leading {@code ~} or {@code ~user}. */
    record Tilde(String user, String written) implements Part {}

    /** One word as written. */
    record RawWord(List<Part> parts, String source, Span span) {}

    /** A here-document; its body is filled in when the parser reaches the next line. */
    static final class HereDoc {
        final String delimiter;
        final boolean stripTabs;
        final boolean quoted;
        String body = "";
        Span bodySpan;
        /** The body parsed as a double-quoted word (unquoted delimiters only), for its substitutions. */
        RawWord expanded;

        HereDoc(String delimiter, boolean stripTabs, boolean quoted, Span at) {
            this.delimiter = delimiter;
            this.stripTabs = stripTabs;
            this.quoted = quoted;
            this.bodySpan = at;
        }
    }

    /** A redirection; {@code hereDoc} is set for {@code <<} and {@code <<-}. */
    record RawRedirect(int fd, String operator, RawWord target, HereDoc hereDoc, Span span) {}

    /** A command in a pipeline. */
    sealed interface Command permits Simple, Compound, FunctionDef {}

    record Simple(List<RawWord> assignments, List<RawWord> words, List<RawRedirect> redirects, Span span)
            implements Command {}

    enum CompoundKind { SUBSHELL, GROUP, IF, WHILE, UNTIL, FOR, SELECT, CASE, ARITHMETIC }

    /**
     * A compound command. {@code blocks} are its lists in order (for IF: condition, then-part,
     * further conditions and parts, else-part). {@code words} are the loop words of for/select or
     * the subject of case; {@code variable} is the loop variable.
     */
    record Compound(CompoundKind kind, List<Block> blocks, String variable, List<RawWord> words,
            List<RawRedirect> redirects, Span span) implements Command {}

    record FunctionDef(String name, Command body, Span span) implements Command {}

    record Pipeline(List<Command> commands, Span span) {}

    /** Pipelines joined by {@code &&} / {@code ||}. */
    record AndOr(List<Pipeline> pipelines) {}

    record Item(AndOr andOr, boolean background) {}

    record Block(List<Item> items) {
        static final Block EMPTY = new Block(List.of());
    }
}
