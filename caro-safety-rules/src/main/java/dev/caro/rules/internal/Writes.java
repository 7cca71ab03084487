package dev.caro.rules.internal;

import dev.caro.api.shell.Redirect;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The files a command writes to: redirections, tee, cp/mv/install/ln destinations, dd of=, truncate, sed -i,
 * and files edited in place by a script (ed or ex fed commands, vim with {@code -c wq}).
 */
public final class Writes {

    /**
     * One written file.
     *
     * @param target the path as a word
     * @param append whether the file is appended to rather than replaced
     * @param how a short verb phrase for messages: {@code "overwrites"}, {@code "appends to"}, {@code "edits"}
     */
    public record Target(Word target, boolean append, String how) {}

    private static final Set<String> CP_VALUE_OPTS = Set.of("-t", "--target-directory", "-S", "--suffix",
            "-m", "--mode", "-o", "--owner", "-g", "--group");
    private static final Set<String> TRUNCATE_VALUE_OPTS = Set.of("-s", "--size", "-r", "--reference", "-o");
    private static final Set<String> SED_VALUE_OPTS = Set.of("-e", "--expression", "-f", "--file", "-l",
            "--line-length");

    private Writes() {}

    /** Every file {@code c} writes. */
    public static List<Target> of(SimpleCommand c) {
        List<Target> out = new ArrayList<>();
        for (Redirect r : c.redirects()) {
            if (r.writesFile()) {
                out.add(new Target(r.target(), r.operator().contains(">>"), r.operator().contains(">>") ? "appends to" : "overwrites"));
            }
        }
        String n = Names.of(c);
        switch (n) {
            case "tee" -> {
                boolean append = Args.has(c, "a", "--append");
                for (Word w : Args.operands(c, Set.of("--output-error"))) {
                    out.add(new Target(w, append, append ? "appends to" : "overwrites"));
                }
            }
            case "cp", "install", "mv", "rsync", "ditto" -> destination(c, CP_VALUE_OPTS)
                    .ifPresent(w -> out.add(new Target(w, false, "overwrites")));
            case "ln" -> {
                if (Args.has(c, "f", "--force")) {
                    destination(c, Set.of("-t", "--target-directory", "-S", "--suffix"))
                            .ifPresent(w -> out.add(new Target(w, false, "replaces")));
                }
            }
            case "dd" -> {
                for (Word w : c.args()) {
                    if (w.value().startsWith("of=")) {
                        out.add(new Target(Args.derived(w, w.value().substring(3)), false, "overwrites"));
                    }
                }
            }
            case "truncate" -> {
                for (Word w : Args.operands(c, TRUNCATE_VALUE_OPTS)) {
                    out.add(new Target(w, false, "truncates"));
                }
            }
            case "sed", "gsed" -> {
                if (Args.has(c, "i", "--in-place")) {
                    List<Word> ops = Args.operands(c, SED_VALUE_OPTS);
                    boolean scriptGiven = !Args.values(c, "-e", "--expression").isEmpty()
                            || !Args.values(c, "-f", "--file").isEmpty();
                    for (int i = scriptGiven ? 0 : 1; i < ops.size(); i++) {
                        out.add(new Target(ops.get(i), false, "edits"));
                    }
                }
            }
            case "perl" -> {
                if (Args.hasShort(c, 'i')) {
                    List<Word> ops = Args.operands(c, Set.of("-e", "-E", "-M", "-I"));
                    boolean separateCode = c.hasArg("-e") || c.hasArg("-E");
                    for (int i = separateCode ? 0 : 1; i < ops.size(); i++) {
                        out.add(new Target(ops.get(i), false, "edits"));
                    }
                }
            }
            case "ed", "red" -> {
                if (scriptWrites(c)) {
                    for (Word w : Args.operands(c, Set.of("-p", "--prompt"))) {
                        out.add(new Target(w, false, "edits"));
                    }
                }
            }
            case "ex", "vim", "vi", "nvim", "gvim", "vim.basic", "vim.tiny", "view" -> {
                if (!n.equals("view") && editorWrites(c)) {
                    List<String> commands = editorCommands(c);
                    for (Word w : Args.operands(c, VIM_VALUE_OPTS)) {
                        if (!w.value().startsWith("+") && !commands.contains(w.value())) {
                            out.add(new Target(w, false, "edits"));
                        }
                    }
                }
            }
            case "sponge" -> {
                boolean append = Args.hasShort(c, 'a');
                for (Word w : Args.operands(c)) {
                    out.add(new Target(w, append, append ? "appends to" : "overwrites"));
                }
            }
            default -> { }
        }
        return out;
    }

    private static final Set<String> VIM_VALUE_OPTS = Set.of("-c", "--cmd", "-S", "-u", "-U", "-i", "-T", "-w", "-W", "-r", "-t", "-q");
    /** An ex command that writes the file: {@code w}, {@code wq}, {@code x}, {@code wq!}, {@code :x}, {@code %d|x}. */
    private static final LazyPattern EX_WRITE = LazyPattern.of("(?:^|\\|)\\s*+:?\\s*+(?:w|wq|wqa|wqall|x|xa|xit|exit|up|update|wall)!?(?:\\s|$|\\|)");
    /** An ex or sed command that deletes every line: {@code %d}, {@code ,d}, {@code 1,$d}, {@code g/^/d}, sed's {@code d}. */
    private static final LazyPattern DELETE_ALL = LazyPattern.of(
            "^:?\\s*+(?:%|,|1\\s*+,\\s*+\\$|0\\s*+,\\s*+\\$|g/(?:\\^|\\.|\\.\\*|\\^\\.\\*|\\^\\.\\*\\$|\\$)?/|/(?:\\^|\\.|\\.\\*|\\$)/)?\\s*+d(?:e|el|ele|elet|elete)?!?\\s*+$");

    /** Whether vim or ex runs a command that writes the file ({@code -c wq}, {@code +x}), or ex reads its commands from a pipe. */
    private static boolean editorWrites(SimpleCommand c) {
        if (Names.of(c).equals("ex") && scriptWrites(c)) {
            return true;
        }
        return editorCommands(c).stream().anyMatch(cmd -> EX_WRITE.matcher(cmd).find());
    }

    /** An ed or ex write command, with or without an address: {@code w}, {@code wq}, {@code 1,$w}, {@code x}. */
    private static final LazyPattern ED_WRITE = LazyPattern.of("^:?\\s*+[0-9,$.%]*+\\s*+(?:w|wq|x|wq!|x!|w!)(?:\\s.*)?$");

    /**
     * Whether ed or ex is fed a script that writes the file back: the known script holds a write command, or
     * standard input comes from somewhere caro cannot read ({@code ed FILE < script.ed}). Without a script
     * someone edits by hand.
     */
    private static boolean scriptWrites(SimpleCommand c) {
        if (!Stdin.fed(c)) {
            return false;
        }
        java.util.Optional<String> text = Stdin.text(c);
        if (text.isEmpty()) {
            return true;
        }
        for (String line : text.get().split("\\\\n|\\n")) {
            if (ED_WRITE.matcher(line.strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The commands vim/ex run from {@code -c CMD}, {@code --cmd CMD} and {@code +CMD}. */
    private static List<String> editorCommands(SimpleCommand c) {
        List<String> out = new ArrayList<>();
        List<Word> a = c.args();
        for (int i = 0; i < a.size(); i++) {
            String v = a.get(i).value();
            boolean bundledC = v.length() > 2 && v.charAt(0) == '-' && v.charAt(1) != '-' && v.endsWith("c"); // -sc CMD, -esc CMD
            if ((v.equals("-c") || v.equals("--cmd") || bundledC) && i + 1 < a.size()) {
                out.add(a.get(++i).value());
            } else if (v.startsWith("+") && v.length() > 1) {
                out.add(v.substring(1));
            }
        }
        return out;
    }

    /**
     * The editing script of an in-place editor, one command per entry: ed's and ex's standard input (line by
     * line), vim's {@code -c}/{@code +} commands (split at {@code |}), sed's {@code -e} values or first operand.
     */
    public static List<String> editScript(SimpleCommand c) {
        List<String> out = new ArrayList<>();
        String n = Names.of(c);
        switch (n) {
            case "ed", "red", "ex", "vim", "vi", "nvim", "gvim", "vim.basic", "vim.tiny" -> {
                Stdin.text(c).ifPresent(t -> out.addAll(List.of(t.split("\\\\n|\\n"))));
                for (String cmd : editorCommands(c)) {
                    out.addAll(List.of(cmd.split("\\|")));
                }
            }
            case "sed", "gsed" -> {
                List<String> e = Args.values(c, "-e", "--expression");
                if (!e.isEmpty()) {
                    out.addAll(e);
                } else {
                    List<Word> ops = Args.operands(c, SED_VALUE_OPTS);
                    if (!ops.isEmpty()) {
                        out.addAll(List.of(ops.get(0).value().split("[;\\n]")));
                    }
                }
            }
            default -> { }
        }
        return out;
    }

    /** Whether an in-place edit deletes every line of the file: {@code ed} fed {@code ,d}, {@code vim -es -c '%d' -c wq}, {@code sed -i d}. */
    public static boolean deletesEverything(SimpleCommand c) {
        boolean sed = Names.of(c).equals("sed") || Names.of(c).equals("gsed");
        // a bare d deletes every line in sed, only the current one in ed and vim
        return editScript(c).stream().map(String::strip).anyMatch(cmd -> DELETE_ALL.matcher(cmd).matches() && (sed || !cmd.matches(":?\\s*d!?")));
    }

    /** The destination of cp/mv/install/ln: {@code -t DIR} or the last operand when there are two or more. */
    public static java.util.Optional<Word> destination(SimpleCommand c, Set<String> valueOpts) {
        List<Word> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if ((v.equals("-t") || v.equals("--target-directory")) && i + 1 < args.size()) {
                return java.util.Optional.of(args.get(i + 1));
            }
            if (v.startsWith("--target-directory=")) {
                return java.util.Optional.of(Args.derived(args.get(i), v.substring("--target-directory=".length())));
            }
        }
        List<Word> ops = Args.operands(c, valueOpts);
        return ops.size() >= 2 ? java.util.Optional.of(ops.get(ops.size() - 1)) : java.util.Optional.empty();
    }

    /** The sources of cp/mv: every operand but the destination. */
    public static List<Word> sources(SimpleCommand c, Set<String> valueOpts) {
        List<Word> ops = Args.operands(c, valueOpts);
        boolean hasT = Args.has(c, "", "--target-directory") || c.hasArg("-t");
        if (hasT) {
            return ops;
        }
        return ops.size() >= 2 ? ops.subList(0, ops.size() - 1) : List.of();
    }
}
