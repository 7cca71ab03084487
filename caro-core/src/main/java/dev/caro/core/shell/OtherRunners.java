package dev.caro.core.shell;

import dev.caro.api.shell.Word;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Programs other than the POSIX shells that run a command line given as their arguments:
 * {@code cmd /c LINE}, {@code powershell -Command LINE} (or {@code -EncodedCommand}, base64 of
 * UTF-16LE text), {@code script -c LINE}, {@code flock FILE -c LINE}, {@code sg GROUP -c LINE},
 * {@code tmux new-session -d LINE} and {@code tmux send-keys LINE Enter}. Each gives back the
 * line and the syntax to read it with; the caller parses and judges it like {@code sh -c}.
 */
final class OtherRunners {

    static final Set<String> NAMES = Set.of("cmd", "powershell", "pwsh", "script", "flock", "sg", "tmux", "start-process", "saps");

    /**
     * The command line a runner carries, the words it came from, the dialect to read it in, and
     * whether text that does not parse is skipped (a string found in another language's program).
     */
    record Script(String text, Word anchor, List<Word> words, int dialect, boolean lenient) {
        Script(String text, Word anchor, List<Word> words, int dialect) {
            this(text, anchor, words, dialect, false);
        }
    }

    private static final Set<String> TMUX_RUNNING = Set.of("new-session", "new", "new-window", "neww", "split-window",
            "splitw", "respawn-pane", "respawnp", "respawn-window", "respawnw", "run-shell", "run", "display-popup", "popup");
    private static final Set<String> TMUX_ENTER = Set.of("Enter", "C-m", "KPEnter", "C-j");
    /** PowerShell parameters that take a value (full names; any unambiguous prefix is accepted). */
    private static final List<String> PS_VALUED = List.of("-executionpolicy", "-ep", "-windowstyle", "-version",
            "-outputformat", "-inputformat", "-workingdirectory", "-wd", "-configurationname", "-psconsolefile",
            "-settingsfile", "-custompipename");

    private OtherRunners() {}

    /** What {@code name} with {@code args} runs, or null when it runs no command line caro can read. */
    static Script script(String name, List<Word> args) {
        return switch (name) {
            case "cmd" -> cmd(args);
            case "powershell", "pwsh" -> powershell(args);
            case "script" -> dashC(args, 0, true);
            case "flock" -> dashC(args, 0, false);
            case "sg" -> sg(args);
            case "tmux" -> tmux(args);
            case "start-process", "saps" -> startProcess(args);
            default -> null;
        };
    }

    /** {@code cmd /c LINE} or {@code /k}: the words after it, as written (cmd.exe keeps backslashes). */
    private static Script cmd(List<Word> args) {
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value().toLowerCase(Locale.ROOT);
            if ((v.equals("/c") || v.equals("/k") || v.equals("/r")) && i + 1 < args.size()) {
                List<Word> rest = args.subList(i + 1, args.size());
                String text = unquoted(rest);
                return new Script(text, rest.size() == 1 ? rest.get(0) : null, rest,
                        ShellParser.looksLikePowerShell(text) ? SyntaxParser.POWERSHELL : SyntaxParser.CMD);
            }
        }
        return null;
    }

    private static Script powershell(List<Word> args) {
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value().toLowerCase(Locale.ROOT);
            if (v.equals("-c") || v.length() >= 3 && "-command".startsWith(v) || v.equals("/c") || v.equals("/command")) {
                if (i + 1 >= args.size()) {
                    return null;
                }
                List<Word> rest = args.subList(i + 1, args.size());
                return new Script(unquoted(rest), rest.size() == 1 ? rest.get(0) : null, rest, SyntaxParser.POWERSHELL);
            }
            if (v.equals("-e") || v.equals("-ec") || v.length() >= 3 && "-encodedcommand".startsWith(v)) {
                if (i + 1 >= args.size() || !args.get(i + 1).literal()) {
                    return null;
                }
                String decoded = decodeUtf16Base64(args.get(i + 1).value());
                return decoded == null ? null
                        : new Script(decoded, null, args.subList(i + 1, i + 2), SyntaxParser.POWERSHELL);
            }
            if (v.equals("-f") || v.length() >= 3 && "-file".startsWith(v)) {
                return null; // runs a script file
            }
            if (valued(v)) {
                i++;
                continue;
            }
            if (!v.startsWith("-")) {
                if (v.endsWith(".ps1")) {
                    return null;
                }
                List<Word> rest = args.subList(i, args.size()); // Windows PowerShell reads bare words as -Command
                return new Script(unquoted(rest), rest.size() == 1 ? rest.get(0) : null, rest, SyntaxParser.POWERSHELL);
            }
        }
        return null;
    }

    private static boolean valued(String v) {
        if (v.length() < 2) {
            return false;
        }
        for (String p : PS_VALUED) {
            if (p.equals(v) || v.length() >= 3 && p.startsWith(v) && !v.equals("-e")) {
                return true;
            }
        }
        return v.equals("-w") || v.equals("-v") || v.equals("-of") || v.equals("-if") || v.equals("-ex");
    }

    /** The text of PowerShell's -EncodedCommand, or null when it is not base64 of UTF-16LE text. */
    static String decodeUtf16Base64(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=')) {
                return null;
            }
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(t);
            String s = new String(bytes, 0, bytes.length - bytes.length % 2, StandardCharsets.UTF_16LE);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 32 && c != '\n' && c != '\r' && c != '\t') {
                    return null;
                }
            }
            return s.isBlank() ? null : s;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * PowerShell's {@code Start-Process powershell -ArgumentList '-enc ...'} (also {@code -FilePath},
     * {@code -Args}, a comma list): the program and its arguments as one line, read as PowerShell.
     */
    private static Script startProcess(List<Word> args) {
        String program = null;
        StringBuilder arguments = new StringBuilder();
        List<Word> used = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value().toLowerCase(Locale.ROOT);
            Word next = i + 1 < args.size() ? args.get(i + 1) : null;
            if ((v.equals("-filepath") || v.equals("-file") || v.equals("-path")) && next != null) {
                program = next.value();
                used.add(next);
                i++;
            } else if ((v.equals("-argumentlist") || v.equals("-args") || v.equals("-arguments")) && next != null) {
                arguments.append(' ').append(next.value().replace(",", " ")); // a comma list: one argument each
                used.add(next);
                i++;
            } else if (v.startsWith("-")) {
                if (v.equals("-verb") || v.equals("-windowstyle") || v.equals("-workingdirectory") || v.equals("-credential")
                        || v.equals("-redirectstandardoutput") || v.equals("-redirectstandarderror") || v.equals("-redirectstandardinput")) {
                    i++;
                }
            } else if (program == null) {
                program = args.get(i).value();
                used.add(args.get(i));
            } else if (arguments.length() == 0) {
                arguments.append(' ').append(args.get(i).value());
                used.add(args.get(i));
            }
        }
        if (program == null || arguments.length() == 0) {
            return null; // a program started with no arguments runs nothing caro can read
        }
        return new Script(program + arguments, null, used, SyntaxParser.POWERSHELL);
    }

    /** {@code script -c LINE}, {@code script -qc LINE}, {@code --command LINE}; flock's {@code -c LINE}. */
    private static Script dashC(List<Word> args, int from, boolean bundled) {
        for (int i = from; i < args.size(); i++) {
            String v = args.get(i).value();
            Word line = null;
            if ((v.equals("-c") || v.equals("--command") || bundled && v.length() > 2 && v.charAt(0) == '-'
                    && v.charAt(1) != '-' && v.endsWith("c")) && i + 1 < args.size()) {
                line = args.get(i + 1);
            }
            if (line != null) {
                return new Script(line.value(), line, List.of(line), SyntaxParser.POSIX);
            }
            if (v.startsWith("--command=")) {
                return new Script(v.substring("--command=".length()), null, List.of(args.get(i)), SyntaxParser.POSIX);
            }
        }
        return null;
    }

    /** {@code sg GROUP -c LINE} or {@code sg GROUP LINE}. */
    private static Script sg(List<Word> args) {
        int i = 0;
        while (i < args.size() && args.get(i).value().startsWith("-") && !args.get(i).value().equals("-c")) {
            i++;
        }
        i++; // the group
        if (i < args.size() && args.get(i).value().equals("-c")) {
            i++;
        }
        if (i >= args.size()) {
            return null;
        }
        List<Word> rest = args.subList(i, args.size());
        return new Script(join(rest), rest.size() == 1 ? rest.get(0) : null, rest, SyntaxParser.POSIX);
    }

    private static Script tmux(List<Word> args) {
        int i = Wrappers.skipOptions(args, 0, "LSfcT", Set.of());
        if (i < 0 || i >= args.size()) {
            return null;
        }
        String sub = args.get(i).value();
        if (sub.equals("send-keys") || sub.equals("send")) {
            int k = Wrappers.skipOptions(args, i + 1, "tN", Set.of());
            if (k < 0 || k >= args.size() || !TMUX_ENTER.contains(args.get(args.size() - 1).value())) {
                return null;
            }
            List<Word> typed = args.subList(k, args.size() - 1);
            if (typed.isEmpty() || typed.stream().anyMatch(w -> TMUX_ENTER.contains(w.value()))) {
                return null;
            }
            return new Script(join(typed), typed.size() == 1 ? typed.get(0) : null, typed, SyntaxParser.POSIX);
        }
        if (!TMUX_RUNNING.contains(sub)) {
            return null;
        }
        int k = Wrappers.skipOptions(args, i + 1, "ceFlnstxy", Set.of());
        if (k < 0 || k >= args.size()) {
            return null;
        }
        List<Word> rest = args.subList(k, args.size());
        return new Script(join(rest), rest.size() == 1 ? rest.get(0) : null, rest, SyntaxParser.POSIX);
    }

    /**
     * Shell commands that options of other programs run: tar's {@code --checkpoint-action=exec=CMD},
     * {@code --to-command}, {@code --use-compress-program} / {@code -I}; rsync's {@code -e} / {@code --rsh};
     * zip's {@code -TT}; ssh's {@code -o ProxyCommand=} / {@code LocalCommand=}; vim's {@code -c '!CMD'};
     * gdb's {@code -ex 'shell CMD'}; git's {@code -c core.sshCommand= / core.pager= / core.editor=}; the
     * {@code system("CMD")} calls of an awk program.
     */
    static List<Script> optionCommands(String name, List<Word> args) {
        List<Script> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Word w = args.get(i);
            String v = w.value();
            Word next = i + 1 < args.size() ? args.get(i + 1) : null;
            String cmd = switch (name) {
                case "tar", "gtar", "bsdtar" -> after(v, next, List.of("--checkpoint-action=exec=", "--to-command=",
                        "--use-compress-program=", "--rsh-command=", "--info-script=", "--new-volume-script="),
                        List.of("-I", "--to-command", "--use-compress-program", "--rsh-command", "-F"));
                case "rsync" -> after(v, next, List.of("--rsh=", "-e"), List.of("-e", "--rsh"));
                case "zip" -> after(v, next, List.of("--unzip-command="), List.of("-TT", "--unzip-command"));
                case "ssh", "scp", "sftp" -> {
                    String o = v.startsWith("-o") && v.length() > 2 ? v.substring(2) : v.equals("-o") && next != null ? next.value() : null;
                    yield o == null ? null : after(o.strip(), null, List.of("ProxyCommand=", "ProxyCommand ", "LocalCommand=",
                            "LocalCommand ", "proxycommand=", "localcommand="), List.of());
                }
                case "vim", "vi", "nvim", "ex", "view", "vimdiff" -> {
                    String c = v.equals("-c") || v.equals("--cmd") ? next == null ? null : next.value() : v.startsWith("+") ? v.substring(1) : null;
                    String t = c == null ? null : c.strip().startsWith(":") ? c.strip().substring(1).strip() : c.strip();
                    yield t != null && t.startsWith("!") ? t.substring(1) : null;
                }
                case "gdb" -> {
                    String c = v.equals("-ex") || v.equals("--eval-command") ? next == null ? null : next.value().strip() : null;
                    yield c == null ? null : c.startsWith("!") ? c.substring(1) : c.startsWith("shell ") ? c.substring(6) : null;
                }
                case "git" -> v.equals("-c") && next != null ? after(next.value(), null, List.of("core.sshCommand=",
                        "core.pager=", "core.editor=", "core.fsmonitor=", "sequence.editor=", "core.sshcommand="), List.of())
                        : null;
                default -> null;
            };
            if (cmd != null && !cmd.isBlank()) {
                out.add(new Script(cmd, null, List.of(next != null && !v.contains("=") && !v.startsWith("+") ? next : w),
                        SyntaxParser.POSIX));
            }
        }
        if (name.equals("awk") || name.equals("gawk") || name.equals("mawk") || name.equals("nawk")) {
            int i = Wrappers.skipOptions(args, 0, "Fvf", Set.of("--field-separator", "--assign", "--file"));
            boolean fromFile = args.stream().anyMatch(a -> a.value().equals("-f") || a.value().startsWith("--file"));
            if (!fromFile && i >= 0 && i < args.size()) {
                for (String cmd : InlineShellCalls.commands(args.get(i).value())) {
                    out.add(new Script(cmd, null, List.of(args.get(i)), SyntaxParser.POSIX, true));
                }
            }
        }
        return out;
    }

    /** The text after one of {@code prefixes} in {@code v}, or the next word after one of {@code options}. */
    private static String after(String v, Word next, List<String> prefixes, List<String> options) {
        for (String p : prefixes) {
            if (v.startsWith(p) && v.length() > p.length()) {
                return v.substring(p.length());
            }
        }
        return next != null && options.contains(v) ? next.value() : null;
    }

    /** The words as written, a single quoted word without its quotes (the runner gets its value). */
    private static String unquoted(List<Word> words) {
        if (words.size() == 1) {
            String src = words.get(0).source();
            if (src.length() >= 2 && (src.charAt(0) == '"' || src.charAt(0) == '\'') && src.charAt(src.length() - 1) == src.charAt(0)) {
                return src.substring(1, src.length() - 1);
            }
            return src;
        }
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            sb.append(sb.length() > 0 ? " " : "").append(w.source());
        }
        return sb.toString();
    }

    private static String join(List<Word> words) {
        StringBuilder sb = new StringBuilder();
        for (Word w : words) {
            sb.append(sb.length() > 0 ? " " : "").append(w.value());
        }
        return sb.toString();
    }
}
