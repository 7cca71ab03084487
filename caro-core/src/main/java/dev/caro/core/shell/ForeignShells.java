package dev.caro.core.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the scripts of shells whose syntax is not POSIX sh, so that the commands they run can be
 * judged by the sh parser: fish ({@code for x in ...; end}, {@code (cmd)}, {@code and}/{@code or},
 * {@code set x v}) and csh/tcsh ({@code foreach x (...)}, {@code if (...) then}, {@code set x = v},
 * {@code setenv X v}). Each script is split into statements, block keywords are dropped (their
 * bodies are kept as statements), and each statement comes back as sh text. Only a light
 * transliteration: a statement the sh parser cannot read is the caller's to skip. nu, elvish and xonsh
 * statements are kept as written (their simple commands read like sh). zsh is read as
 * sh, with its glob qualifiers ({@code *.tmp(N)}, {@code **}{@code /*(.om[1,5])}) removed.
 */
final class ForeignShells {

    /** Shells whose scripts are fish syntax. */
    static final Set<String> FISH = Set.of("fish");
    /** Shells whose scripts are C shell syntax. */
    static final Set<String> CSH = Set.of("csh", "tcsh");
    /** Shells of their own syntax whose simple commands read like sh ({@code nu -c 'rm -rf ~'}): statements kept as written. */
    static final Set<String> PLAIN = Set.of("nu", "elvish", "xonsh", "ion", "murex");

    private static final Set<String> FISH_DROPPED = Set.of("end", "else", "begin", "for", "switch", "case", "function",
            "break", "continue", "return");
    private static final Set<String> FISH_PREFIXES = Set.of("and", "or", "not", "!", "if", "while");
    private static final Set<String> CSH_DROPPED = Set.of("end", "endif", "else", "endsw", "breaksw", "default:",
            "foreach", "switch", "case", "while", "repeat", "goto", "onintr", "@", "break", "continue", "unset", "unsetenv");

    private ForeignShells() {}

    /** Whether {@code shell} is one whose scripts need {@link #statements}. */
    static boolean isForeign(String shell) {
        return FISH.contains(shell) || CSH.contains(shell) || PLAIN.contains(shell);
    }

    /** fish words that sh would take for command names: {@code cmd; and rm -rf ~}, {@code set x /}, {@code end}. */
    private static final Set<String> FISH_ONLY = Set.of("and", "or", "not", "set", "end", "begin", "function", "else",
            "switch", "case");

    /**
     * Whether a command line written for fish must be read as fish: sh cannot parse it, or one of
     * its statements starts with a word only fish gives a meaning ({@code and}, {@code set}, {@code end}).
     */
    static boolean needsFishReading(String text, boolean shParses) {
        if (!shParses) {
            return true;
        }
        for (String st : split(text, true)) {
            if (FISH_ONLY.contains(firstWord(st))) {
                return true;
            }
        }
        return false;
    }

    /** The statements of a fish or csh script as sh text, block keywords removed. */
    static List<String> statements(String shell, String script) {
        boolean fish = FISH.contains(shell);
        List<String> out = new ArrayList<>();
        for (String raw : split(script, fish)) {
            String st = fish ? fishStatement(raw) : CSH.contains(shell) ? cshStatement(raw) : raw;
            if (st != null && !st.isBlank()) {
                out.add(st);
            }
        }
        return out;
    }

    /**
     * Splits at unquoted {@code ;} and newlines and rewrites quoting into sh form: fish's {@code \'}
     * inside single quotes, fish's {@code (cmd)} substitution as {@code $(cmd)}; comments dropped.
     */
    private static List<String> split(String s, boolean fish) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n) {
                if (s.charAt(i + 1) != '\n') {
                    cur.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (c == '\'') {
                StringBuilder lit = new StringBuilder();
                int j = i + 1;
                while (j < n && s.charAt(j) != '\'') {
                    if (fish && s.charAt(j) == '\\' && j + 1 < n && (s.charAt(j + 1) == '\'' || s.charAt(j + 1) == '\\')) {
                        j++;
                    }
                    lit.append(s.charAt(j));
                    j++;
                }
                if (j >= n) {
                    cur.append(s, i, n); // unterminated: left so, for the sh parser to report
                    i = n;
                    continue;
                }
                cur.append('\'').append(lit.toString().replace("'", "'\\''")).append('\'');
                i = j;
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != '"') {
                    if (s.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    j++;
                }
                cur.append(s, i, Math.min(j + 1, n));
                i = Math.min(j, n);
            } else if (c == '#' && (cur.length() == 0 || Character.isWhitespace(cur.charAt(cur.length() - 1)))) {
                while (i + 1 < n && s.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (fish && c == '(') {
                boolean dollar = cur.length() > 0 && cur.charAt(cur.length() - 1) == '$';
                cur.append(dollar ? "(" : "$(");
                depth++;
            } else if (fish && c == ')') {
                cur.append(c);
                depth = Math.max(0, depth - 1);
            } else if ((c == ';' || c == '\n') && depth == 0) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }

    /**
     * zsh's short loops rewritten in sh form, one statement each: {@code for f (*.txt) echo $f} is
     * {@code for f in *.txt; do echo $f; done}; other statements are kept. For text sh cannot read.
     */
    static List<String> zshStatements(String script) {
        List<String> out = new ArrayList<>();
        for (String st : split(script, false)) {
            if (st.isBlank()) {
                continue;
            }
            List<String> words = Normalizer.fields(st);
            int open = st.indexOf('(');
            int close = open < 0 ? -1 : matching(st, open);
            if (words.size() >= 2 && (words.get(0).equals("for") || words.get(0).equals("foreach")) && close > open
                    && SyntaxParser.isName(words.get(1), 0, words.get(1).length())
                    && st.indexOf(words.get(1), words.get(0).length()) + words.get(1).length() <= open
                    && st.substring(st.indexOf(words.get(1), words.get(0).length()) + words.get(1).length(), open).isBlank()) {
                String body = st.substring(close + 1).strip();
                String list = st.substring(open + 1, close);
                out.add("for " + words.get(1) + " in " + list + "; do " + (body.isEmpty() ? ":" : body) + "; done");
            } else {
                out.add(st);
            }
        }
        return out;
    }

    private static String fishStatement(String st) {
        String s = st;
        for (int guard = 0; guard < 8; guard++) {
            String first = firstWord(s);
            if (first.equals("else") && s.length() > 4) {
                s = s.substring(4).strip(); // else if CMD
                continue;
            }
            if (FISH_PREFIXES.contains(first)) {
                s = s.substring(first.length()).strip();
                continue;
            }
            if (FISH_DROPPED.contains(first)) {
                return null;
            }
            break;
        }
        List<String> words = Normalizer.fields(s);
        if (!words.isEmpty() && words.get(0).equals("set")) {
            return assignment(words);
        }
        return s;
    }

    /** fish's {@code set [-lgxU] NAME VALUE}: {@code NAME=VALUE} when there is one value. */
    private static String assignment(List<String> words) {
        int i = 1;
        while (i < words.size() && words.get(i).startsWith("-")) {
            if (words.get(i).equals("-e") || words.get(i).equals("--erase") || words.get(i).equals("-q")) {
                return null;
            }
            i++;
        }
        if (i + 2 == words.size() && SyntaxParser.isName(words.get(i), 0, words.get(i).length())) {
            return words.get(i) + "=" + words.get(i + 1);
        }
        return null;
    }

    private static String cshStatement(String st) {
        String s = st;
        String first = firstWord(s);
        if (first.equals("else") && s.length() > 4) {
            s = s.substring(4).strip();
            first = firstWord(s);
        }
        if (first.equals("if") || first.startsWith("if(") || first.equals("while") || first.startsWith("while(")) {
            int open = s.indexOf('(');
            int close = open < 0 ? -1 : matching(s, open);
            if (close < 0 || first.startsWith("while")) {
                return null;
            }
            String rest = s.substring(close + 1).strip();
            return rest.equals("then") ? null : rest; // if (expr) CMD runs CMD
        }
        if (CSH_DROPPED.contains(first) || first.endsWith(":") && first.indexOf('/') < 0) {
            return null;
        }
        if (first.equals("set") || first.equals("setenv")) {
            String body = s.substring(first.length()).strip();
            if (first.equals("set")) {
                int eq = body.indexOf('=');
                if (eq <= 0) {
                    return null;
                }
                String name = body.substring(0, eq).strip();
                String value = body.substring(eq + 1).strip();
                return SyntaxParser.isName(name, 0, name.length()) && !value.isEmpty() ? name + "=" + value : null;
            }
            List<String> words = Normalizer.fields(body);
            return words.size() == 2 ? "export " + words.get(0) + "=" + words.get(1) : null;
        }
        if (first.equals("alias")) {
            List<String> words = Normalizer.fields(s);
            if (words.size() >= 3) {
                String value = s.substring(s.indexOf(words.get(1), 5) + words.get(1).length()).strip();
                if (value.length() >= 2 && value.charAt(0) == '\'' && value.endsWith("'")) {
                    return "alias " + words.get(1) + "=" + value;
                }
                return "alias " + words.get(1) + "='" + value.replace("'", "'\\''") + "'";
            }
            return null;
        }
        return s;
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static String firstWord(String s) {
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        return s.substring(0, end);
    }

    /**
     * zsh's glob qualifiers blanked out: a parenthesised suffix right after an unquoted word
     * ({@code ./*.tmp(N)}, {@code *(.om[1,3])}, {@code **}{@code /*(/)}, {@code ./build(N)}) only filters the matches, so
     * {@code rm -f ./*.tmp(N)} is judged as {@code rm -f ./*.tmp}. Other text is left as it is, and
     * the result has the same length (offsets into it are offsets into the original).
     */
    static String withoutGlobQualifiers(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        boolean globWord = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                end = end < 0 ? n - 1 : end;
                out.append(s, i, end + 1);
                i = end;
                continue;
            }
            if (c == '\\' && i + 1 < n) {
                out.append(c).append(s.charAt(++i));
                continue;
            }
            char before = i > 0 ? s.charAt(i - 1) : ' ';
            boolean afterWord = globWord || i > 0 && !Character.isWhitespace(before) && "$<>=@!+;|&(".indexOf(before) < 0;
            if (c == '(' && afterWord) { // zsh reads WORD(QUALIFIERS) as a glob too: ./build(N)
                int close = s.indexOf(')', i + 1);
                if (close > i && qualifiers(s, i + 1, close) && (close + 1 == n || " \t\n;|&)".indexOf(s.charAt(close + 1)) >= 0)) {
                    out.append(" ".repeat(close + 1 - i)); // blanked, so that offsets after it stay right
                    i = close;
                    continue;
                }
            }
            if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&') {
                globWord = false;
            } else if (c == '*' || c == '?' || c == ']') {
                globWord = true;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean qualifiers(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || "./@=*%^-+:[],#!".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }
}
