package dev.caro.core.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the shell commands a one-line program in another language hands to the system:
 * {@code perl -e 'system("rm -rf /home")'}, {@code python3 -c 'import os; os.system("…")'},
 * {@code ruby -e '`…`'}, {@code node -e 'require("child_process").execSync("…")'},
 * {@code php -r 'shell_exec("…");'}. Only string literals are read (a command built at run time
 * stays unknown), in one linear pass with no regular expressions.
 */
final class InlineShellCalls {

    /** Interpreters and the options that take their program text. */
    private static final Set<String> CODE_OPTIONS_PYTHON = Set.of("-c");
    private static final Set<String> CODE_OPTIONS_PERL_RUBY = Set.of("-e", "-E");
    private static final Set<String> CODE_OPTIONS_NODE = Set.of("-e", "--eval", "-p", "--print");
    private static final Set<String> CODE_OPTIONS_PHP = Set.of("-r");

    /** Functions whose first argument (a string, or a list of strings) is run as a command. */
    private static final Set<String> RUNNERS = Set.of("system", "exec", "execSync", "execFile", "execFileSync",
            "spawn", "spawnSync", "popen", "run", "call", "check_call", "check_output", "Popen", "getoutput",
            "getstatusoutput", "shell_exec", "passthru", "proc_open", "capture2", "capture2e", "capture3",
            "popen2", "popen3", "pty_spawn", "spawnv", "spawnvp", "execv", "execvp", "execl", "execlp", "startfile");

    private static final int MAX_CALLS = 64;

    private InlineShellCalls() {}

    /** The options of {@code interpreter} that carry program text, or an empty set. */
    static Set<String> codeOptions(String interpreter) {
        String n = interpreter;
        if (n.startsWith("python") || n.equals("pypy") || n.equals("pypy3")) {
            return CODE_OPTIONS_PYTHON;
        }
        if (n.startsWith("perl") || n.equals("ruby") || n.startsWith("ruby")) {
            return CODE_OPTIONS_PERL_RUBY;
        }
        if (n.equals("node") || n.equals("nodejs") || n.equals("bun") || n.equals("deno")) {
            return CODE_OPTIONS_NODE;
        }
        if (n.equals("php") || n.startsWith("php")) {
            return CODE_OPTIONS_PHP;
        }
        return Set.of();
    }

    /**
     * The program text given on the command line ({@code -c CODE}, {@code -e CODE}, bundled as in
     * {@code perl -le CODE}), several {@code -e} joined by newlines; empty when there is none.
     */
    static String code(String interpreter, List<String> args) {
        Set<String> options = codeOptions(interpreter);
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            boolean takesCode = options.contains(a);
            if (!takesCode && a.length() > 2 && a.charAt(0) == '-' && a.charAt(1) != '-') {
                // Bundled short options: the code option must come last (perl -ne, python -Bc).
                String last = "-" + a.charAt(a.length() - 1);
                takesCode = options.contains(last);
            }
            if (takesCode && i + 1 < args.size()) {
                if (code.length() > 0) {
                    code.append('\n');
                }
                code.append(args.get(++i));
            } else if (!a.startsWith("-")) {
                break; // a script file: its arguments follow
            }
        }
        return code.toString();
    }

    /** The command lines {@code code} passes to runner functions, backticks or {@code qx}/{@code %x}. */
    static List<String> commands(String code) {
        List<String> found = new ArrayList<>();
        int n = code.length();
        int i = 0;
        while (i < n && found.size() < MAX_CALLS) {
            char c = code.charAt(i);
            if (c == '`') {
                int end = code.indexOf('`', i + 1);
                if (end < 0) {
                    break;
                }
                found.add(code.substring(i + 1, end));
                i = end + 1;
            } else if ((c == 'q' || c == '%') && i + 2 < n && code.charAt(i + 1) == 'x' && !identifierBefore(code, i)
                    && isOpening(code.charAt(i + 2))) {
                char open = code.charAt(i + 2);
                int end = code.indexOf(closing(open), i + 3);
                if (end < 0) {
                    break;
                }
                found.add(code.substring(i + 3, end));
                i = end + 1;
            } else if (Character.isJavaIdentifierStart(c) && !identifierBefore(code, i)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(code.charAt(end))) {
                    end++;
                }
                String name = code.substring(i, end);
                i = end;
                if (RUNNERS.contains(name)) {
                    int at = skipSpace(code, end);
                    boolean paren = at < n && code.charAt(at) == '(';
                    if (paren) {
                        at = skipSpace(code, at + 1);
                    } else if (at == end) {
                        continue; // `system"…"` without a space is not a call we can read
                    }
                    at = skipPrefixes(code, at);
                    List<String> words = new ArrayList<>();
                    int next = arguments(code, at, words);
                    if (!words.isEmpty()) {
                        found.add(String.join(" ", words));
                        i = Math.max(i, next);
                    }
                }
            } else if (c == '\'' || c == '"') {
                i = skipString(code, i); // text in other strings is data, not a call
            } else {
                i++;
            }
        }
        return found;
    }

    /**
     * Reads the call's leading arguments: one string literal (a whole command line), or a list of
     * string literals, or a string then a list ({@code spawnSync('rm', ['-rf', '/'])}). List
     * elements come back quoted for the shell so that they stay one word each.
     */
    private static int arguments(String code, int at, List<String> words) {
        int n = code.length();
        if (at < n && (code.charAt(at) == '[' || code.charAt(at) == '(')) {
            return list(code, at, words);
        }
        StringBuilder value = new StringBuilder();
        int end = literal(code, at, value);
        if (end < 0) {
            return at;
        }
        int after = skipSpace(code, end);
        if (after < n && code.charAt(after) == ',') {
            int listAt = skipSpace(code, after + 1);
            if (listAt < n && code.charAt(listAt) == '[') {
                words.add(quote(value.toString()));
                return list(code, listAt, words);
            }
            if (literal(code, listAt, new StringBuilder()) >= 0) {
                // system("rm", "-rf", "/"): Perl's and PHP's list form.
                words.add(quote(value.toString()));
                int p = listAt;
                while (true) {
                    StringBuilder w = new StringBuilder();
                    int e = literal(code, p, w);
                    if (e < 0) {
                        break;
                    }
                    words.add(quote(w.toString()));
                    int q = skipSpace(code, e);
                    if (q >= n || code.charAt(q) != ',') {
                        return q;
                    }
                    p = skipSpace(code, q + 1);
                }
                return p;
            }
        }
        words.add(value.toString());
        return end;
    }

    private static int list(String code, int at, List<String> words) {
        int n = code.length();
        char close = code.charAt(at) == '[' ? ']' : ')';
        int p = skipSpace(code, at + 1);
        while (p < n && code.charAt(p) != close) {
            StringBuilder w = new StringBuilder();
            int e = literal(code, p, w);
            if (e < 0) {
                words.add("\"$UNKNOWN_ARGUMENT\""); // a computed element: unknown, never assumed harmless
                while (p < n && code.charAt(p) != ',' && code.charAt(p) != close) {
                    p++;
                }
            } else {
                words.add(quote(w.toString()));
                p = skipSpace(code, e);
            }
            if (p < n && code.charAt(p) == ',') {
                p = skipSpace(code, p + 1);
            }
        }
        return p;
    }

    /** Python's r/b/f and Ruby's % literal prefixes are skipped; returns the quote's index. */
    private static int skipPrefixes(String code, int at) {
        int p = at;
        while (p < code.length() && p < at + 2 && "rRbBfFuU".indexOf(code.charAt(p)) >= 0) {
            p++;
        }
        return p < code.length() && (code.charAt(p) == '\'' || code.charAt(p) == '"') ? p : at;
    }

    /** Reads a '…' or "…" literal at {@code at} into {@code out}; the index after it, or -1. */
    private static int literal(String code, int at, StringBuilder out) {
        int p = skipPrefixes(code, at);
        if (p >= code.length()) {
            return -1;
        }
        char q = code.charAt(p);
        if (q != '\'' && q != '"') {
            return -1;
        }
        for (int i = p + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\\' && i + 1 < code.length()) {
                char e = code.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else if (c == q) {
                return i + 1;
            } else {
                out.append(c);
            }
        }
        return -1;
    }

    private static int skipString(String code, int at) {
        int end = literal(code, at, new StringBuilder());
        return end < 0 ? code.length() : end;
    }

    private static boolean identifierBefore(String code, int i) {
        return i > 0 && (Character.isJavaIdentifierPart(code.charAt(i - 1)) || code.charAt(i - 1) == '$');
    }

    private static int skipSpace(String code, int i) {
        int p = i;
        while (p < code.length() && Character.isWhitespace(code.charAt(p))) {
            p++;
        }
        return p;
    }

    private static boolean isOpening(char c) {
        return c == '(' || c == '{' || c == '[' || c == '<' || c == '/' || c == '|' || c == '!';
    }

    private static char closing(char open) {
        return switch (open) {
            case '(' -> ')';
            case '{' -> '}';
            case '[' -> ']';
            case '<' -> '>';
            default -> open;
        };
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
