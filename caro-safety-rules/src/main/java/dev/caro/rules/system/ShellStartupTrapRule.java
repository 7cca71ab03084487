package dev.caro.rules.system;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Stdin;
import dev.caro.rules.internal.Targets;
import dev.caro.rules.internal.Writes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Booby-traps written into a shell startup file ({@code ~/.bashrc}, {@code ~/.zshrc}, {@code ~/.profile},
 * {@code /etc/profile.d/*.sh}): an alias or function that turns a common command into a destructive one
 * ({@code alias ls='rm -rf'}), and a PATH that searches the working directory or a world-writable
 * directory first ({@code PATH=.:$PATH}, {@code PATH=/tmp:$PATH}), so any file dropped there named
 * {@code ls} runs instead of the real one.
 */
public final class ShellStartupTrapRule extends BaseRule {

    private static final Set<String> STARTUP_NAMES = Set.of(".bashrc", ".bash_profile", ".bash_login", ".bash_aliases", ".profile",
            ".zshrc", ".zprofile", ".zshenv", ".zlogin", ".kshrc", ".mkshrc", ".cshrc", ".tcshrc", "config.fish");
    private static final Set<String> SYSTEM_STARTUP = Set.of("/etc/profile", "/etc/bash.bashrc", "/etc/bashrc", "/etc/zshrc",
            "/etc/zsh/zshrc", "/etc/zsh/zprofile", "/etc/zsh/zshenv", "/etc/environment");
    /** Commands people type every day, which an alias or function of the same name silently replaces. */
    private static final Set<String> COMMON = Set.of("ls", "l", "ll", "la", "cd", "cat", "cp", "mv", "less", "more", "grep", "git",
            "vim", "vi", "nano", "emacs", "clear", "sudo", "ssh", "make", "python", "python3", "pip", "npm", "node", "docker", "top",
            "htop", "ps", "echo", "pwd", "man", "exit", "history", "which", "tail", "head", "find", "touch", "mkdir", "code", "open",
            "cls", "dir", "kubectl", "sl", "z", "j", "exa", "eza", "bat");
    private static final LazyPattern ALIAS = LazyPattern.of("\\balias\\s++(?:-g\\s++)?([\\w.-]++)=(?:'([^']*+)'|\"([^\"]*+)\"|(\\S++))");
    private static final LazyPattern FUNCTION = LazyPattern.of("(?:\\bfunction\\s++([\\w.-]++)\\s*+(?:\\(\\s*+\\))?|\\b([\\w.-]++)\\s*+\\(\\s*+\\))\\s*+\\{([^}]*+)\\}");
    /** What an alias may stand for that destroys data, the system or the session whatever its arguments. */
    private static final LazyPattern DESTRUCTIVE = LazyPattern.of(
            "^\\s*+(?:command\\s++|sudo\\s++)?(?:rm\\s++(?:-\\w*+\\s++)*-\\w*[rRf]|rm\\s++--(?:recursive|force)|shred\\b|dd\\s++\\S*of=|mkfs\\S*|wipefs"
            + "|chmod\\s++-R\\b|chown\\s++-R\\b|truncate\\s++-s\\s*+0|kill\\s++-9\\s++-1|killall5|shutdown|reboot|halt|poweroff|:\\(\\)"
            + "|git\\s++(?:reset\\s++--hard|clean\\s++-\\w*f|push\\s++(?:-f|--force))|find\\s.*-delete|crontab\\s++-r)");
    /** A PATH whose first entry is the working directory (., empty) or a directory everyone can write to. */
    private static final LazyPattern PATH_FIRST = LazyPattern.of(
            "\\bPATH\\s*+=\\s*+[\"']?(\\.(?:/)?|(?=:)|/tmp(?:/[^:\"'\\s]*+)?|/var/tmp(?:/[^:\"'\\s]*+)?|/dev/shm(?:/[^:\"'\\s]*+)?):");

    public ShellStartupTrapRule() {
        super("caro.system.shell-startup-trap", "Booby-trapped shell startup files (aliases that destroy, PATH searching . first)",
                RiskLevel.HIGH,
                "Every new shell reads these files, so the trap fires later, when nobody remembers it was set: ls runs rm -rf,"
                        + " or a program named ls left in the current directory runs instead of the real one. Remove the line.",
                List.of("echo \"alias ls='rm -rf'\" >> ~/.bashrc", "echo 'export PATH=.:$PATH' >> ~/.bashrc",
                        "printf 'alias cd=\"rm -rf\"\\n' >> ~/.zshrc", "echo 'PATH=/tmp:$PATH' | sudo tee -a /etc/profile.d/path.sh",
                        "echo 'ls() { rm -rf \"$@\"; }' >> ~/.bash_aliases"),
                List.of("echo \"alias ll='ls -la'\" >> ~/.bashrc", "echo \"alias rm='rm -i'\" >> ~/.bashrc",
                        "echo 'export PATH=$HOME/.local/bin:$PATH' >> ~/.bashrc", "echo 'export PATH=$PATH:.' >> ~/.bashrc",
                        "echo \"alias nuke='rm -rf ./build'\" >> ~/.bashrc", "export PATH=.:$PATH", "echo \"alias ls='rm -rf'\""));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Writes.Target t : Writes.of(c)) {
            Word w = t.target();
            if (!w.literal() && !w.source().startsWith("~") && !w.source().contains("$HOME")) {
                continue;
            }
            String abs = Targets.absolute(c, ctx, w.value());
            if (!startupFile(abs)) {
                continue;
            }
            String text = written(c);
            Matcher a = ALIAS.matcher(text);
            while (a.find()) {
                String body = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
                if (COMMON.contains(a.group(1)) && DESTRUCTIVE.matcher(body).find()) {
                    report(out, RiskLevel.HIGH, "Makes " + a.group(1) + " run '" + body.strip() + "' in every new shell (" + abs + ").", w.span());
                    return out;
                }
            }
            Matcher f = FUNCTION.matcher(text);
            while (f.find()) {
                String fname = f.group(1) != null ? f.group(1) : f.group(2);
                if (COMMON.contains(fname) && DESTRUCTIVE.matcher(f.group(3).replaceFirst("^[\\s;]+", "")).find()) {
                    report(out, RiskLevel.HIGH, "Replaces " + fname + " with a function that runs '" + f.group(3).strip()
                            + "' in every new shell (" + abs + ").", w.span());
                    return out;
                }
            }
            Matcher p = PATH_FIRST.matcher(text);
            if (p.find()) {
                String first = p.group(1).isEmpty() ? "the working directory (an empty entry)"
                        : p.group(1).startsWith(".") ? "the working directory" : p.group(1) + ", which anyone can write to,";
                report(out, RiskLevel.MODERATE, "Makes every new shell search " + first + " before the system's programs (" + abs
                        + "): a file named ls there runs instead of ls.", w.span());
                return out;
            }
        }
        return out;
    }

    /** The text written: standard input, or echo's and printf's arguments, or sed's script. */
    private static String written(SimpleCommand c) {
        String n = Names.of(c);
        return Stdin.text(c).orElse(n.equals("echo") || n.equals("printf") || n.equals("sed") || n.equals("gsed")
                ? String.join(" ", c.argValues()).replace("\\n", "\n") : "");
    }

    private static boolean startupFile(String abs) {
        if (SYSTEM_STARTUP.contains(abs) || abs.startsWith("/etc/profile.d/")) {
            return true;
        }
        String base = abs.substring(abs.lastIndexOf('/') + 1);
        return STARTUP_NAMES.contains(base) && (!base.equals("config.fish") || abs.endsWith("/fish/config.fish"));
    }
}
