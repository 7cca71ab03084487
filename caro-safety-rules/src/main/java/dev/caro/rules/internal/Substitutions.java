package dev.caro.rules.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the command text inside {@code $( )}, backticks, {@code <( )} and {@code >( )} of a word
 * as written, so a rule can look at what a substitution runs.
 */
public final class Substitutions {

    private Substitutions() {}

    /** The inner texts of every command or process substitution in {@code source}, outermost first. */
    public static List<String> innerTexts(String source) {
        List<String> out = new ArrayList<>();
        collect(source, out, 0);
        return out;
    }

    private static void collect(String s, List<String> out, int depth) {
        if (depth > 4) {
            return;
        }
        int i = 0;
        boolean single = false;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '\\' && !single) {
                i += 2;
                continue;
            }
            if (ch == '\'') {
                single = !single;
                i++;
                continue;
            }
            if (single) {
                i++;
                continue;
            }
            if ((ch == '$' || ch == '<' || ch == '>') && i + 1 < s.length() && s.charAt(i + 1) == '('
                    && !(ch == '$' && i + 2 < s.length() && s.charAt(i + 2) == '(')) {
                int end = matchParen(s, i + 1);
                String inner = s.substring(i + 2, end < 0 ? s.length() : end);
                out.add(inner);
                collect(inner, out, depth + 1);
                i = end < 0 ? s.length() : end + 1;
                continue;
            }
            if (ch == '`') {
                int end = s.indexOf('`', i + 1);
                String inner = s.substring(i + 1, end < 0 ? s.length() : end);
                out.add(inner);
                i = end < 0 ? s.length() : end + 1;
                continue;
            }
            i++;
        }
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    static int matchParen(String s, int open) {
        int depth = 0;
        boolean single = false;
        boolean dbl = false;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\' && !single) {
                i++;
                continue;
            }
            if (ch == '\'' && !dbl) {
                single = !single;
            } else if (ch == '"' && !single) {
                dbl = !dbl;
            } else if (!single && !dbl) {
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth--;
                    if (depth == 0) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * When the whole word is one substitution followed by literal text, e.g.
     * {@code "$(dirname /etc)"/x} or {@code `pwd`}: the inner command and the literal rest.
     */
    public static java.util.Optional<String[]> wholeWord(String source) {
        String s = source;
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        } else if (s.startsWith("\"")) {
            // "$(cmd)"/rest
            int close = s.lastIndexOf('"');
            if (close > 0) {
                s = s.substring(1, close) + s.substring(close + 1);
            }
        }
        String inner;
        String rest;
        if (s.startsWith("$(") && !s.startsWith("$((")) {
            int end = matchParen(s, 1);
            if (end < 0) {
                return java.util.Optional.empty();
            }
            inner = s.substring(2, end);
            rest = s.substring(end + 1);
        } else if (s.startsWith("`")) {
            int end = s.indexOf('`', 1);
            if (end < 0) {
                return java.util.Optional.empty();
            }
            inner = s.substring(1, end);
            rest = s.substring(end + 1);
        } else {
            return java.util.Optional.empty();
        }
        rest = rest.replace("\"", "");
        if (rest.contains("$") || rest.contains("`")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new String[] {inner, rest});
    }
}
