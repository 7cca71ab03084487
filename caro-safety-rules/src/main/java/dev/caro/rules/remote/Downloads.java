package dev.caro.rules.remote;

import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Substitutions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Helpers shared by the remote-code rules: who downloads, who runs code from stdin, bare-IP URLs. */
final class Downloads {

    private static final LazyPattern BARE_IP_URL = LazyPattern.of("(?i)(?:^|[^\\w.])(?:https?|ftp)://(?:[^@/\\s]*@)?\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?(?:/|$|\\s)");
    private static final LazyPattern BARE_IP = LazyPattern.of("^\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?(?:/.*)?$");

    private Downloads() {}

    /** Whether {@code c} downloads content (curl, wget, iwr ...; PowerShell's Net.WebClient). */
    static boolean isDownloader(SimpleCommand c) {
        String n = Names.of(c);
        if (Names.DOWNLOADERS.contains(n)) {
            return !(n.equals("lynx") || n.equals("w3m") || n.equals("links")) || c.hasArg("-source") || c.hasArg("-dump");
        }
        if (n.equals("new-object") || n.startsWith("(new-object")) {
            return String.join(" ", c.argValues()).toLowerCase(Locale.ROOT).contains("webclient");
        }
        return false;
    }

    /** Whether a downloader among {@code cmds} fetches from a bare IP address. */
    static boolean fromBareIp(List<SimpleCommand> cmds) {
        for (SimpleCommand c : cmds) {
            if (isDownloader(c) && namesBareIp(c)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an argument of {@code c} is a URL or address with a bare IP instead of a host name. */
    static boolean namesBareIp(SimpleCommand c) {
        for (Word w : c.args()) {
            if (BARE_IP_URL.matcher(w.value()).find() || BARE_IP.matcher(w.value()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code text} holds a URL whose host is a bare IP address. */
    static boolean textNamesBareIp(String text) {
        return BARE_IP_URL.matcher(text).find();
    }

    /** Whether the interpreter {@code c} takes its program from standard input. */
    static boolean readsCodeFromStdin(SimpleCommand c) {
        String n = Names.of(c);
        List<Word> ops = Args.operands(c);
        boolean noScript = ops.isEmpty() || ops.get(0).value().equals("-") || ops.get(0).value().equals("/dev/stdin");
        if (n.equals("iex") || n.equals("invoke-expression")) {
            return true;
        }
        if (n.equals("sudo") || n.equals("doas") || n.equals("su")) {
            return true;
        }
        if (n.equals("source") || n.equals(".")) {
            // fish's `source` with no file reads standard input; so do `source -` and `source /dev/stdin`.
            return ops.isEmpty() || ops.get(0).value().equals("/dev/stdin") || ops.get(0).value().equals("-");
        }
        if (Names.SHELLS.contains(n)) {
            if (onlyParses(c)) {
                return false;
            }
            if (Args.hasShort(c, 'c')) {
                return false;
            }
            return Args.hasShort(c, 's') || noScript;
        }
        if (Names.isPython(n)) {
            return !Args.hasShort(c, 'c') && !Args.hasShort(c, 'm') && noScript;
        }
        return switch (n) {
            case "perl", "ruby", "lua" -> !Args.hasShort(c, 'e') && !Args.hasShort(c, 'E') && noScript;
            case "node", "nodejs", "deno", "bun" -> !c.hasArg("-e") && !c.hasArg("-p") && !c.hasArg("--eval")
                    && !c.hasArg("--print") && noScript;
            case "php" -> !c.hasArg("-r") && noScript;
            case "pwsh", "powershell" -> ops.isEmpty() || c.args().stream().anyMatch(w -> w.value().equals("-"));
            case "osascript", "tclsh", "groovy", "jshell", "rscript" -> noScript;
            default -> false;
        };
    }

    /**
     * Whether the shell {@code c} only reads its script for syntax errors ({@code bash -n},
     * {@code sh -o noexec}, {@code fish --no-execute}): options before the first operand.
     */
    static boolean onlyParses(SimpleCommand c) {
        List<Word> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String v = args.get(i).value();
            if (v.equals("--no-execute") || v.equals("--noexec") || !v.startsWith("--") && v.indexOf('o', 1) > 0
                    && i + 1 < args.size() && args.get(i + 1).value().equals("noexec")) {
                return true;
            }
            if (v.equals("--") || v.equals("-") || !v.startsWith("-")) {
                return false;
            }
            if (!v.startsWith("--") && v.indexOf('n', 1) > 0) {
                return true;
            }
            if (!v.startsWith("--") && v.indexOf('o', 1) > 0 || v.equals("--rcfile") || v.equals("--init-file")) {
                i++;
            }
        }
        return false;
    }

    /** Whether {@code name} can run code: a shell, an interpreter, eval, source, iex. */
    static boolean runsCode(SimpleCommand c) {
        String n = Names.of(c);
        if (Names.SHELLS.contains(n) && onlyParses(c)) {
            return false;
        }
        if (n.equals("sudo") || n.equals("doas")) {
            return Args.has(c, "si", "--shell", "--login") && Args.operands(c).isEmpty();
        }
        if (n.equals("su")) {
            return !Args.hasShort(c, 'c') && !Args.hasLong(c, "--command");
        }
        return runsCode(n);
    }

    static boolean runsCode(String name) {
        return Names.isInterpreter(name) || name.equals("eval") || name.equals("source") || name.equals(".")
                || name.equals("iex") || name.equals("invoke-expression") || name.equals("exec");
    }

    /** The commands inside the substitutions of {@code c}'s arguments and redirection targets. */
    static List<SimpleCommand> substituted(SimpleCommand c, RuleContext ctx) {
        List<SimpleCommand> out = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Word w : c.args()) {
            sources.add(w.source());
        }
        c.redirects().forEach(r -> sources.add(r.target().source()));
        for (String s : sources) {
            if (!s.contains("$(") && !s.contains("`") && !s.contains("<(")) {
                continue;
            }
            for (String inner : Substitutions.innerTexts(s)) {
                try {
                    ShellScript parsed = ctx.parse(inner);
                    out.addAll(parsed.commands());
                } catch (RuntimeException e) {
                    // an odd substitution is judged by the other rules
                }
            }
        }
        return out;
    }
}
