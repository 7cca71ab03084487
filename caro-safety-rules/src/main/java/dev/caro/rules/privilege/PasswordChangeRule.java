package dev.caro.rules.privilege;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Stdin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Removing or scripting passwords: passwd -d, chpasswd for root, usermod -p '', uid-0 accounts. */
public final class PasswordChangeRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("passwd", "chpasswd", "usermod", "useradd", "adduser", "net", "chsh", "chage");
    /** A login shell that refuses logins. */
    private static final LazyPattern NO_LOGIN_SHELL = LazyPattern.of("(?:^|/)(?:nologin|false)$");
    /** An account expiry date already past: 0, 1, or a date before 2000. */
    private static final LazyPattern PAST_EXPIRY = LazyPattern.of("^(?:0|1|19\\d\\d-\\d\\d-\\d\\d)$");

    public PasswordChangeRule() {
        super("caro.privilege.password-change", "Removing passwords or creating extra root accounts", RiskLevel.CRITICAL,
                "An empty or guessable root password, or a second uid-0 account, lets anyone become root. Use"
                        + " passwd interactively with a strong password, and sudo rules instead of extra root users.",
                List.of("sudo passwd -d root", "echo 'root:root' | sudo chpasswd", "sudo usermod -p '' root",
                        "sudo useradd -o -u 0 -g 0 toor", "sudo usermod -u 0 bob", "net user administrator /active:yes",
                        "sudo passwd --delete ana", "sudo usermod -s /usr/sbin/nologin root", "sudo passwd -l root",
                        "net user administrator Winter2024 /active:yes"),
                List.of("passwd", "sudo passwd -l guest", "sudo useradd -m -s /bin/bash ana", "sudo usermod -aG docker ana",
                        "passwd --status", "sudo usermod -L former-employee", "chsh -s /bin/zsh"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        lockout(c, ctx, out);
        List<Word> ops = Args.operands(c, Set.of("-u", "-g", "-G", "-s", "-d", "-c", "-e", "-f", "-k", "-K", "-p", "-x", "-n", "-w", "-i"));
        switch (n) {
            case "passwd" -> {
                if (Args.has(c, "d", "--delete")) {
                    List<Word> users = Args.operands(c);
                    String user = users.isEmpty() ? "your account" : users.get(users.size() - 1).value();
                    report(out, user.equals("root") ? RiskLevel.CRITICAL : RiskLevel.HIGH,
                            "Deletes the password of " + user + ", so it can log in without one.", c.span());
                }
            }
            case "chpasswd" -> {
                String text = Stdin.text(c).orElse("");
                boolean root = text.strip().toLowerCase(Locale.ROOT).startsWith("root:") || text.contains("\nroot:");
                report(out, root ? RiskLevel.CRITICAL : RiskLevel.MODERATE, root ? "Sets root's password from a script."
                        : "Sets account passwords from a script, leaving them in shell history.", c.span());
            }
            case "usermod", "useradd", "adduser" -> {
                List<String> a = c.argValues();
                for (int i = 0; i + 1 < a.size(); i++) {
                    boolean uid = a.get(i).equals("-u") || a.get(i).equals("--uid")
                            || (Args.isShortBundle(a.get(i)) && a.get(i).endsWith("u"));
                    if (uid && a.get(i + 1).equals("0") || a.get(i).equals("--uid=0") || a.get(i).equals("-u0")) {
                        report(out, RiskLevel.CRITICAL, "Gives an account uid 0, making it a second root.", c.span());
                    }
                    if ((a.get(i).equals("-p") || a.get(i).equals("--password")) && a.get(i + 1).isEmpty()) {
                        report(out, RiskLevel.CRITICAL, "Sets an empty password hash, so the account needs no password.", c.span());
                    }
                }
            }
            case "net" -> {
                String line = String.join(" ", c.argValues()).toLowerCase(Locale.ROOT);
                if (line.startsWith("user administrator") && line.contains("/active:yes")) {
                    List<String> words = c.argValues();
                    boolean password = words.size() > 2 && !words.get(2).startsWith("/");
                    report(out, password ? RiskLevel.HIGH : RiskLevel.MODERATE, password
                            ? "Enables the built-in Administrator account with a password typed on the command line."
                            : "Enables the built-in Administrator account.", c.span());
                }
            }
            default -> { }
        }
        return out;
    }

    /**
     * Locking root or the account caro runs as out of logins: passwd -l, usermod -L, a nologin or
     * false shell, an expiry date in the past. Locking some other account is routine offboarding.
     */
    private void lockout(SimpleCommand c, RuleContext ctx, List<Finding> out) {
        String n = name(c);
        List<String> a = c.argValues();
        String how = null;
        switch (n) {
            case "passwd" -> how = Args.has(c, "l", "--lock") ? "locks the password of" : null;
            case "usermod" -> {
                if (Args.has(c, "L", "--lock")) {
                    how = "locks the password of";
                } else if (Args.values(c, "-s", "--shell").stream().anyMatch(v -> NO_LOGIN_SHELL.matcher(v).find())) {
                    how = "gives a shell that refuses logins to";
                } else if (Args.values(c, "-e", "--expiredate").stream().anyMatch(v -> PAST_EXPIRY.matcher(v).matches())) {
                    how = "expires";
                }
            }
            case "chsh" -> how = Args.values(c, "-s", "--shell").stream().anyMatch(v -> NO_LOGIN_SHELL.matcher(v).find())
                    ? "gives a shell that refuses logins to" : null;
            case "chage" -> how = Args.values(c, "-E", "--expiredate").stream().anyMatch(v -> PAST_EXPIRY.matcher(v).matches())
                    ? "expires" : null;
            default -> { }
        }
        if (how == null) {
            return;
        }
        List<Word> users = n.equals("passwd") ? Args.operands(c) : Args.operands(c, Set.of("-s", "--shell", "-e", "--expiredate", "-E", "-d", "-m", "-M", "-W", "-I", "-u", "-g",
                "-G", "-c", "-f", "-p", "-l", "--login", "-R", "--root", "-P", "--prefix"));
        String user = users.isEmpty() ? "" : users.get(users.size() - 1).source().replace("\"", "");
        String me = ctx.execution().user();
        boolean self = user.isEmpty() || user.equals("$USER") || user.equals("${USER}") || user.equals("$LOGNAME")
                || user.equals("$(whoami)") || user.equals("`whoami`") || me != null && !me.isEmpty() && user.equals(me);
        if (user.equals("root") || self) {
            report(out, RiskLevel.HIGH, "This " + how + " " + (user.equals("root") ? "root" : "your own account")
                    + ", which can leave nobody able to log in or use sudo.", c.span());
        }
    }
}
