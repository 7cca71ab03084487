package dev.caro.rules.process;

/**
 * Finds, in text caro could not parse (e.g. zsh's {@code f(){f|f&}}), a function whose body
 * starts by piping into or backgrounding a call of itself: <code>NAME() &#123; NAME | NAME</code> or
 * <code>NAME() &#123; NAME &amp; NAME</code>. A scan in linear time; a regular expression with a back-reference
 * to the name re-reads every long word once per start position, which takes seconds on long input.
 */
final class SelfCallingFunction {

    private SelfCallingFunction() {}

    static boolean in(String text) {
        int from = 0;
        while (true) {
            int open = text.indexOf('(', from);
            if (open < 0) {
                return false;
            }
            from = open + 1;
            int brace = afterEmptyParensAndBrace(text, open);
            if (brace < 0) {
                continue;
            }
            int nameEnd = skipSpaceBackwards(text, open);
            int nameStart = nameEnd;
            while (nameStart > 0 && isNameChar(text.charAt(nameStart - 1))) {
                nameStart--;
            }
            if (nameStart == nameEnd) {
                continue;
            }
            // The body's first word: a call is followed by space, | or &, never by a name character,
            // so the called name is the whole word and must end the word before the parentheses.
            int bodyStart = skipSpace(text, brace);
            int bodyEnd = bodyStart;
            while (bodyEnd < text.length() && isNameChar(text.charAt(bodyEnd))) {
                bodyEnd++;
            }
            int length = bodyEnd - bodyStart;
            if (length == 0 || length > nameEnd - nameStart
                    || !text.regionMatches(nameEnd - length, text, bodyStart, length)) {
                continue;
            }
            String name = text.substring(bodyStart, bodyEnd);
            int i = skipSpace(text, bodyEnd);
            if (i < text.length() && text.charAt(i) == '|') {
                if (text.startsWith(name, skipSpace(text, i + 1))) {
                    return true;
                }
            } else if (i < text.length() && text.charAt(i) == '&') {
                i = skipSpace(text, i + 1);
                if (i < text.length() && text.charAt(i) == ';') {
                    i++;
                }
                if (text.startsWith(name, skipSpace(text, i))) {
                    return true;
                }
            }
        }
    }

    /** The index after <code>( ) &#123;</code> starting at {@code open}, or -1. */
    private static int afterEmptyParensAndBrace(String text, int open) {
        int i = skipSpace(text, open + 1);
        if (i >= text.length() || text.charAt(i) != ')') {
            return -1;
        }
        i = skipSpace(text, i + 1);
        return i < text.length() && text.charAt(i) == '{' ? i + 1 : -1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipSpaceBackwards(String text, int end) {
        while (end > 0 && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** {@code \s} of a regular expression: space, tab, newline, vertical tab, form feed, return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@code [\w:.%]}: ASCII letters, digits, underscore, colon, dot, percent. */
    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == ':' || c == '.'
                || c == '%';
    }
}
