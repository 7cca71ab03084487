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
import java.util.Optional;
import java.util.Set;

/** Adding accounts to admin groups: usermod -aG sudo/wheel, gpasswd -a, net localgroup administrators /add. */
public final class AdminGroupRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("usermod", "useradd", "gpasswd", "adduser", "addgroup", "net", "add-localgroupmember",
            "dseditgroup");

    private static final Set<String> ADMIN = Set.of("sudo", "wheel", "admin", "root", "adm", "shadow", "disk", "lxd", "libvirt");

    public AdminGroupRule() {
        super("caro.privilege.admin-group", "Adding accounts to administrator groups", RiskLevel.HIGH,
                "Members of sudo, wheel or Administrators can do anything on the machine. Grant only the specific"
                        + " commands needed through a sudoers.d rule.",
                List.of("sudo usermod -aG sudo guest", "sudo gpasswd -a bob wheel", "net localgroup administrators guest /add",
                        "sudo adduser eve sudo", "Add-LocalGroupMember -Group Administrators -Member guest"),
                List.of("sudo usermod -aG docker ana", "groups ana", "sudo gpasswd -d bob wheel", "net localgroup administrators",
                        "sudo usermod -aG video ana"));
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
            case "usermod", "useradd" -> {
                Optional<String> groups = Args.value(c, "-G", "--groups").or(() -> Args.value(c, "-g", "--gid"));
                if (groups.isEmpty()) {
                    List<Word> args = c.args();
                    for (int i = 0; i < args.size(); i++) {
                        String v = args.get(i).value();
                        if (v.startsWith("-") && v.endsWith("G") && !v.startsWith("--")) {
                            groups = i + 1 < args.size() ? Optional.of(args.get(i + 1).value()) : Optional.empty();
                        }
                    }
                }
                groups.ifPresent(g -> check(g, c, out));
            }
            case "gpasswd" -> {
                Optional<String> user = Args.value(c, "-a", "--add").or(() -> Args.value(c, "-M", "--members"));
                List<Word> ops = Args.operands(c, Set.of("-a", "--add", "-M", "--members", "-d", "--delete", "-A"));
                if (user.isPresent() && !ops.isEmpty()) {
                    check(ops.get(ops.size() - 1).value(), c, out);
                }
            }
            case "adduser", "addgroup" -> {
                List<Word> ops = Args.operands(c);
                if (ops.size() == 2) {
                    check(ops.get(1).value(), c, out);
                }
            }
            case "net" -> {
                String line = String.join(" ", c.argValues()).toLowerCase(Locale.ROOT);
                if (line.startsWith("localgroup") && (line.contains("administrators") || line.contains("admins"))
                        && line.contains("/add")) {
                    report(out, RiskLevel.HIGH, "Adds an account to the Windows Administrators group.", c.span());
                }
            }
            case "add-localgroupmember" -> {
                String line = String.join(" ", c.argValues()).toLowerCase(Locale.ROOT);
                if (line.contains("administrators")) {
                    report(out, RiskLevel.HIGH, "Adds an account to the Windows Administrators group.", c.span());
                }
            }
            case "dseditgroup" -> {
                String line = String.join(" ", c.argValues()).toLowerCase(Locale.ROOT);
                if (line.contains("admin") && line.contains("-a")) {
                    report(out, RiskLevel.HIGH, "Adds an account to the macOS admin group.", c.span());
                }
            }
            default -> { }
        }
        return out;
    }

    private void check(String groups, SimpleCommand c, List<Finding> out) {
        for (String g : groups.split(",")) {
            if (ADMIN.contains(g.strip().toLowerCase(Locale.ROOT))) {
                report(out, RiskLevel.HIGH, "Adds an account to the " + g.strip() + " group, which grants administrator rights.", c.span());
            }
        }
    }
}
