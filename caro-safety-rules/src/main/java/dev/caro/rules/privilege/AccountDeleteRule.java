package dev.caro.rules.privilege;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Deleting user accounts together with their home directories, or deleting root / admin accounts. */
public final class AccountDeleteRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("userdel", "deluser", "net", "remove-localuser");

    private static final Set<String> SYSTEM_ACCOUNTS = Set.of("root", "administrator", "admin", "daemon", "bin", "sys",
            "nobody", "systemd-network", "messagebus", "sshd", "www-data", "postgres", "mysql");

    public AccountDeleteRule() {
        super("caro.privilege.account-delete", "Deleting user accounts with their files, or system accounts", RiskLevel.CRITICAL,
                "userdel -r deletes the home directory and mail spool with the account, and system accounts are needed by"
                        + " services. Lock the account (usermod -L) and archive its home first.",
                List.of("sudo userdel -r bob", "sudo deluser --remove-home alice", "sudo userdel root",
                        "net user administrator /delete", "Remove-LocalUser -Name admin"),
                List.of("sudo userdel olduser", "sudo usermod -L bob", "id bob", "sudo deluser bob docker"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        switch (n) {
            case "userdel", "deluser" -> {
                List<Word> ops = Args.operands(c, Set.of("-R", "--root", "-P", "--prefix"));
                if (ops.isEmpty() || (n.equals("deluser") && ops.size() > 1)) {
                    return out;
                }
                String user = ops.get(0).value();
                boolean files = Args.has(c, "rf", "--remove", "--remove-home", "--remove-all-files", "--force");
                if (SYSTEM_ACCOUNTS.contains(user.toLowerCase(Locale.ROOT))) {
                    report(out, RiskLevel.CRITICAL, "Deletes the system account " + user + ".", c.span());
                } else if (files) {
                    report(out, RiskLevel.HIGH, "Deletes the account " + user + " together with its home directory and files.", c.span());
                }
            }
            case "net" -> {
                String line = String.join(" ", c.argValues()).toLowerCase(Locale.ROOT);
                if (line.startsWith("user ") && line.contains("/delete")) {
                    String user = c.args().size() > 1 ? c.args().get(1).value() : "";
                    report(out, SYSTEM_ACCOUNTS.contains(user.toLowerCase(Locale.ROOT)) ? RiskLevel.CRITICAL : RiskLevel.MODERATE,
                            "Deletes the Windows account " + user + ".", c.span());
                }
            }
            case "remove-localuser" -> report(out, RiskLevel.MODERATE, "Deletes a Windows local account.", c.span());
            default -> { }
        }
        return out;
    }
}
