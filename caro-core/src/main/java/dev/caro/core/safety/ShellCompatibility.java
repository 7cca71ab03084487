package dev.caro.core.safety;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.ShellKind;
import dev.caro.api.shell.FunctionDefinition;
import dev.caro.api.shell.Redirect;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.core.shell.ShellParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds syntax the target shell does not understand: bash-isms under sh, POSIX syntax under fish,
 * PowerShell or cmd.exe. Each warning is one short sentence that says what to write instead.
 */
final class ShellCompatibility {

    static final String SH_DOUBLE_BRACKET = "[[ ]] is bash syntax; in sh use [ ] (test).";
    static final String SH_ARRAY = "Arrays are bash syntax; sh has no arrays.";
    static final String SH_FUNCTION_KEYWORD = "The function keyword is bash syntax; in sh write name() { ...; }.";
    static final String SH_PROCESS_SUBSTITUTION = "<( ) process substitution is bash syntax; in sh use a pipe or a temporary file.";
    static final String SH_BRACE_RANGE = "{a..b} ranges are bash syntax; in sh use seq.";
    static final String SH_ANSI_QUOTE = "$'...' quoting is bash syntax; in sh use printf to make special characters.";
    static final String SH_DOUBLE_EQUALS = "== inside [ ] is bash syntax; in sh compare with =.";
    static final String SH_AMP_REDIRECT = "&> is bash syntax; in sh write >file 2>&1.";
    static final String SH_PIPE_AMP = "|& is bash syntax; in sh write 2>&1 |.";
    static final String SH_SOURCE = "source is bash syntax; in sh use . file.";
    static final String SH_HERE_STRING = "<<< here-strings are bash syntax; in sh pipe the text with printf instead.";

    static final String FISH_PREFIX_ASSIGNMENT = "VAR=value before a command needs fish 3.1 or later; otherwise use env VAR=value command.";
    static final String FISH_ASSIGNMENT = "fish sets variables with set NAME value, not NAME=value.";
    static final String FISH_EXPORT = "In fish write set -gx NAME value instead of export NAME=value.";
    static final String FISH_STATUS = "fish uses $status instead of $?.";
    static final String FISH_HEREDOC = "fish has no here-documents; pipe the text with printf instead.";
    static final String FISH_BLOCKS = "fish ends if, for, while and case blocks with end, not then/do/done/fi/esac.";
    static final String FISH_BACKTICKS = "fish does not support backticks; use (command) instead.";
    static final String FISH_BRACES = "fish writes variables as $NAME or {$NAME}, not ${NAME}.";
    static final String FISH_DOUBLE_BRACKET = "fish has no [[ ]]; use test or [ ].";
    static final String FISH_ARITHMETIC = "fish has no $(( )) arithmetic; use math.";

    static final String PS_AND_OR = "&& and || need PowerShell 7 or later; in Windows PowerShell 5.1 use ; and check $? instead.";
    static final String PS_EXPORT = "PowerShell sets environment variables with $env:NAME = 'value', not export.";
    static final String PS_SUBEXPRESSION = "$( ) is a subexpression in PowerShell, not sh command substitution; check it does what you expect.";
    static final String PS_TILDE = "~ is expanded by PowerShell cmdlets but not by other programs; use $HOME instead.";
    static final String PS_PREFIX_ASSIGNMENT = "PowerShell cannot set a variable in front of a command; set $env:NAME first.";
    static final String PS_HEREDOC = "PowerShell has no here-documents; use a here-string @' ... '@ instead.";
    static final String PS_RM_RF = "rm -rf does not work in PowerShell; use Remove-Item -Recurse -Force.";
    static final String PS_DEV_NULL = "/dev/null does not exist on Windows; redirect to $null instead.";

    static final String CMD_SUBSTITUTION = "cmd.exe has no $( ) command substitution; use for /f or PowerShell.";
    static final String CMD_EXPORT = "cmd.exe sets variables with set NAME=value, not export.";
    static final String CMD_SINGLE_QUOTES = "cmd.exe does not treat single quotes as quotes; use double quotes.";

    private static final Set<String> BLOCK_WORDS = Set.of("then", "fi", "do", "done", "esac");

    private final ShellParser parser;

    ShellCompatibility(ShellParser parser) {
        this.parser = parser;
    }

    List<String> warnings(String command, ShellKind shell) {
        if (command == null || command.isBlank() || shell == null || shell == ShellKind.BASH
                || shell == ShellKind.ZSH) {
            return List.of();
        }
        ShellScript script = parser.parse(command, ExecutionContext.linux("/work", "/home/user"));
        Unquoted bare = Unquoted.of(command);
        Set<String> out = new LinkedHashSet<>();
        switch (shell) {
            case SH -> sh(script, bare, out);
            case FISH -> fish(script, bare, out);
            case POWERSHELL -> powershell(script, bare, out);
            case CMD -> cmd(script, bare, out);
            default -> { }
        }
        return new ArrayList<>(out);
    }

    private static void sh(ShellScript script, Unquoted bare, Set<String> out) {
        for (SimpleCommand c : script.commands()) {
            if (c.name().equals("[[")) {
                out.add(SH_DOUBLE_BRACKET);
            }
            for (Word a : c.assignments()) {
                if (a.value().indexOf("=(") > 0) {
                    out.add(SH_ARRAY);
                }
            }
            if ((c.name().equals("declare") || c.name().equals("typeset") || c.name().equals("local"))
                    && (c.hasArg("-a") || c.hasArg("-A"))) {
                out.add(SH_ARRAY);
            }
            for (Word w : allWords(c)) {
                String src = w.source();
                if (src.startsWith("<(") || src.startsWith(">(")) {
                    out.add(SH_PROCESS_SUBSTITUTION);
                }
                if (hasBraceRange(src)) {
                    out.add(SH_BRACE_RANGE);
                }
            }
            if ((c.name().equals("[") || c.name().equals("test")) && c.hasArg("==")) {
                out.add(SH_DOUBLE_EQUALS);
            }
            for (Redirect r : c.redirects()) {
                if (r.operator().startsWith("&>")) {
                    out.add(SH_AMP_REDIRECT);
                }
                if (r.operator().equals("<<<")) {
                    out.add(SH_HERE_STRING);
                }
            }
            if (c.name().equals("source")) {
                out.add(SH_SOURCE);
            }
        }
        for (FunctionDefinition f : script.functions()) {
            if (f.span().of(script.source()).startsWith("function")) {
                out.add(SH_FUNCTION_KEYWORD);
            }
        }
        if (bare.ansiQuote) {
            out.add(SH_ANSI_QUOTE);
        }
        if (bare.text.contains("|&")) {
            out.add(SH_PIPE_AMP);
        }
    }

    private static void fish(ShellScript script, Unquoted bare, Set<String> out) {
        for (SimpleCommand c : script.commands()) {
            if (c.name().isEmpty() && !c.assignments().isEmpty()) {
                out.add(FISH_ASSIGNMENT);
            } else if (!c.assignments().isEmpty() && !c.wrappers().contains("env")) {
                out.add(FISH_PREFIX_ASSIGNMENT);
            }
            if (c.name().equals("export") && c.args().stream().anyMatch(a -> a.value().indexOf('=') > 0)) {
                out.add(FISH_EXPORT);
            }
            if (c.name().equals("[[")) {
                out.add(FISH_DOUBLE_BRACKET);
            }
            for (Redirect r : c.redirects()) {
                if (r.operator().startsWith("<<") && !r.operator().equals("<<<")) {
                    out.add(FISH_HEREDOC);
                }
            }
        }
        if (bare.text.contains("$?")) {
            out.add(FISH_STATUS);
        }
        if (bare.hasWord(BLOCK_WORDS)) {
            out.add(FISH_BLOCKS);
        }
        if (bare.text.indexOf('`') >= 0) {
            out.add(FISH_BACKTICKS);
        }
        if (bare.text.contains("${")) {
            out.add(FISH_BRACES);
        }
        if (bare.text.contains("$((")) {
            out.add(FISH_ARITHMETIC);
        }
    }

    private static void powershell(ShellScript script, Unquoted bare, Set<String> out) {
        if (bare.text.contains("&&") || bare.text.contains("||")) {
            out.add(PS_AND_OR);
        }
        for (SimpleCommand c : script.commands()) {
            if (c.name().equals("export")) {
                out.add(PS_EXPORT);
            }
            if (!c.name().isEmpty() && !c.assignments().isEmpty()) {
                out.add(PS_PREFIX_ASSIGNMENT);
            }
            for (Redirect r : c.redirects()) {
                if (r.operator().equals("<<") || r.operator().equals("<<-")) {
                    out.add(PS_HEREDOC);
                }
                if (r.target().value().equals("/dev/null")) {
                    out.add(PS_DEV_NULL);
                }
            }
            if (c.name().equals("rm") && c.args().stream().anyMatch(a -> a.value().startsWith("-")
                    && !a.value().startsWith("--") && a.value().length() > 2)) {
                out.add(PS_RM_RF);
            }
            for (Word a : c.args()) {
                if (a.source().startsWith("~/") || a.source().equals("~")) {
                    out.add(PS_TILDE);
                }
            }
        }
        if (bare.text.contains("$(")) {
            out.add(PS_SUBEXPRESSION);
        }
    }

    private static void cmd(ShellScript script, Unquoted bare, Set<String> out) {
        if (bare.text.contains("$(")) {
            out.add(CMD_SUBSTITUTION);
        }
        for (SimpleCommand c : script.commands()) {
            if (c.name().equals("export")) {
                out.add(CMD_EXPORT);
            }
        }
        if (bare.singleQuotes) {
            out.add(CMD_SINGLE_QUOTES);
        }
    }

    private static List<Word> allWords(SimpleCommand c) {
        List<Word> words = new ArrayList<>(c.args());
        words.add(c.nameWord());
        for (Redirect r : c.redirects()) {
            words.add(r.target());
        }
        return words;
    }

    /** {@code {1..5}} or {@code {a..z}} outside quotes. */
    private static boolean hasBraceRange(String src) {
        int open = src.indexOf('{');
        while (open >= 0) {
            int close = src.indexOf('}', open);
            if (close < 0) {
                return false;
            }
            int dots = src.indexOf("..", open);
            if (dots > open + 1 && dots + 2 < close && src.lastIndexOf('\'', open) < 0
                    && src.lastIndexOf('"', open) < 0) {
                return true;
            }
            open = src.indexOf('{', close);
        }
        return false;
    }

    /** The text with quoted parts blanked out, and what kinds of quoting it used. */
    static final class Unquoted {
        final String text;
        final boolean ansiQuote;
        final boolean singleQuotes;

        private Unquoted(String text, boolean ansiQuote, boolean singleQuotes) {
            this.text = text;
            this.ansiQuote = ansiQuote;
            this.singleQuotes = singleQuotes;
        }

        static Unquoted of(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            boolean ansi = false;
            boolean single = false;
            int i = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    sb.append("  ");
                    i += 2;
                } else if (c == '\'') {
                    ansi |= i > 0 && s.charAt(i - 1) == '$';
                    single = true;
                    int close = s.indexOf('\'', i + 1);
                    int end = close < 0 ? s.length() : close + 1;
                    sb.append(" ".repeat(end - i));
                    i = end;
                } else if (c == '"') {
                    int j = i + 1;
                    while (j < s.length() && s.charAt(j) != '"') {
                        j += s.charAt(j) == '\\' ? 2 : 1;
                    }
                    int end = Math.min(s.length(), j + 1);
                    sb.append(" ".repeat(end - i));
                    i = end;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            return new Unquoted(sb.toString(), ansi, single);
        }

        /** Whether one of {@code words} appears as a whole word. */
        boolean hasWord(Set<String> words) {
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && !Character.isLetter(text.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '-')) {
                    i++;
                }
                if (i > start && words.contains(text.substring(start, i))
                        && (start == 0 || " \t\n;&|".indexOf(text.charAt(start - 1)) >= 0)) {
                    return true;
                }
                if (i == start) {
                    i++;
                }
            }
            return false;
        }
    }
}
