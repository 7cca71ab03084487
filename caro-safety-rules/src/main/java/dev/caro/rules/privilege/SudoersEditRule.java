package dev.caro.rules.privilege;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Stdin;
import dev.caro.rules.internal.Targets;
import dev.caro.rules.internal.Writes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Granting sudo rights by writing the sudoers files directly or feeding visudo from a pipe. */
public final class SudoersEditRule extends BaseRule {

    public SudoersEditRule() {
        super("caro.privilege.sudoers-edit", "Writing sudo rules directly (NOPASSWD, ALL=(ALL))", RiskLevel.CRITICAL,
                "A rule written straight into sudoers skips the syntax check (one typo locks out sudo) and a"
                        + " NOPASSWD: ALL rule gives passwordless root. Use visudo -f /etc/sudoers.d/NAME and grant only the commands needed.",
                List.of("echo 'deploy ALL=(ALL:ALL) NOPASSWD: ALL' | sudo EDITOR='tee -a' visudo",
                        "sudo sh -c 'echo \"%users ALL=(ALL) ALL\" > /etc/sudoers.d/everyone'",
                        "echo 'ana ALL=(ALL) NOPASSWD:ALL' | sudo tee /etc/sudoers.d/ana", "sudo cp mysudoers /etc/sudoers"),
                List.of("sudo visudo -c", "sudo grep -rn NOPASSWD /etc/sudoers.d/", "sudo visudo -f /etc/sudoers.d/deploy",
                        "sudo cat /etc/sudoers", "echo 'NOPASSWD' > notes.txt"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        String text = Stdin.text(c).orElse("");
        if (n.equals("visudo") && !c.hasArg("-c") && !c.hasArg("--check") && (!c.upstream().isEmpty() || c.stdinText().isPresent())) {
            report(out, risk(text), "Feeds sudo rules into visudo from a pipe" + grant(text) + ".", c.span());
        }
        for (Writes.Target t : Writes.of(c)) {
            Word w = t.target();
            if (!w.literal() && !w.value().startsWith("/etc/sudoers")) {
                continue;
            }
            String abs = w.literal() ? Targets.absolute(c, ctx, w.value()) : w.value();
            if (abs.equals("/etc/sudoers") || abs.startsWith("/etc/sudoers.d/") || abs.equals("/etc/sudoers.d")) {
                String written = text.isEmpty() ? String.join(" ", c.argValues()) : text;
                report(out, RiskLevel.max(RiskLevel.HIGH, risk(written)), capitalize(t.how()) + " the sudo rules in " + abs
                        + grant(written) + ".", w.span());
            }
        }
        return out;
    }

    private static RiskLevel risk(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        return t.contains("NOPASSWD") && t.contains("ALL") ? RiskLevel.CRITICAL : RiskLevel.HIGH;
    }

    private static String grant(String text) {
        String t = text.toUpperCase(Locale.ROOT);
        if (t.contains("NOPASSWD")) {
            return ", granting passwordless root";
        }
        return t.contains("ALL") ? ", granting root" : "";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
