package dev.caro.rules.privilege;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Stdin;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Removing or scripting passwords: passwd -d, chpasswd for root, usermod -p '', uid-0 accounts. */
public final class PasswordChangeRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("passwd", "chpasswd", "usermod", "useradd", "adduser", "net");

    public PasswordChangeRule() {
        super("caro.privilege.password-change", "Removing passwords or creating extra root accounts", RiskLevel.CRITICAL,
                "An empty or guessable root password, or a second uid-0 account, lets anyone become root. Use"
                        + " passwd interactively with a strong password, and sudo rules instead of extra root users.",
                List.of("sudo passwd -d root", "echo 'root:root' | sudo chpasswd", "sudo usermod -p '' root",
                        "sudo useradd -o -u 0 -g 0 toor", "sudo usermod -u 0 bob", "net user administrator /active:yes",
                        "sudo passwd --delete ana"),
                List.of("passwd", "sudo passwd -l guest", "sudo useradd -m -s /bin/bash ana", "sudo usermod -aG docker ana",
                        "passwd --status"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
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
                    report(out, RiskLevel.MODERATE, "Enables the built-in Administrator account.", c.span());
                }
            }
            default -> { }
        }
        return out;
    }
}
