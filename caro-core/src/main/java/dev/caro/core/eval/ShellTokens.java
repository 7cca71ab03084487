package dev.caro.core.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words and operators the way a POSIX shell would for comparison:
 * quotes and backslashes are removed, {@code |}, {@code ||}, {@code &&}, {@code ;} and {@code &}
 * become operator tokens, redirections stay attached to their target ({@code 2>/dev/null}).
 * Command substitutions are kept verbatim as one word.
 */
final class ShellTokens {

    /** A token: a word or an operator. */
    record Token(String text, boolean operator) {}

    private ShellTokens() {}

    static List<Token> split(String command) {
        List<Token> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        String s = command.strip();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = s.indexOf('\'', i + 1);
                if (end < 0) {
                    end = s.length();
                }
                cur.append(s, i + 1, end);
                inWord = true;
                i = end + 1;
                continue;
            }
            if (c == '"') {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
                        cur.append(s.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                        int end = closing(s, i + 1);
                        cur.append(s, i, end + 1);
                        i = end + 1;
                        continue;
                    }
                    cur.append(d);
                    i++;
                }
                i++;
                inWord = true;
                continue;
            }
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(i + 1));
                inWord = true;
                i += 2;
                continue;
            }
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
                int end = closing(s, i + 1);
                cur.append(s, i, end + 1);
                inWord = true;
                i = end + 1;
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(new Token(cur.toString(), false));
                    cur.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            if (c == '|' || c == '&' || c == ';') {
                // "2>&1" and ">&2" are redirections, not operators.
                if (c == '&' && i > 0 && s.charAt(i - 1) == '>') {
                    cur.append(c);
                    i++;
                    continue;
                }
                if (inWord) {
                    out.add(new Token(cur.toString(), false));
                    cur.setLength(0);
                    inWord = false;
                }
                String op = String.valueOf(c);
                if (i + 1 < s.length() && (s.charAt(i + 1) == c && c != ';')) {
                    op += c;
                    i++;
                }
                out.add(new Token(op, true));
                i++;
                continue;
            }
            cur.append(c);
            inWord = true;
            i++;
        }
        if (inWord) {
            out.add(new Token(cur.toString(), false));
        }
        return joinRedirects(out);
    }

    /** "2>" "/dev/null" becomes "2>/dev/null"; "> out.txt" becomes ">out.txt". */
    private static List<Token> joinRedirects(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.operator() && t.text().matches("\\d?(?:>>|>|<|<<<|&>)") && i + 1 < tokens.size()
                    && !tokens.get(i + 1).operator()) {
                out.add(new Token(t.text() + tokens.get(i + 1).text(), false));
                i++;
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return s.length() - 1;
    }
}
