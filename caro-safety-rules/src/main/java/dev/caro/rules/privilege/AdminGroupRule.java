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
            "dseditgroup", "dscl");

    private static final Set<String> ADMIN = Set.of("sudo", "wheel", "admin", "root", "adm", "shadow", "disk", "lxd", "libvirt");
    /** Root-equivalent for its members, but routinely given to the people who use it. */
    private static final Set<String> ROOT_EQUIVALENT = Set.of("docker", "podman", "kvm", "lxd", "microk8s");
    /** Accounts that network-facing services run as: a break-in there should not come with root. */
    private static final Set<String> SERVICE_ACCOUNTS = Set.of("www-data", "nginx", "apache", "apache2", "httpd", "nobody",
            "daemon", "mysql", "postgres", "redis", "tomcat", "jenkins", "git", "ftp", "mail", "nodejs", "node");

    public AdminGroupRule() {
        super("caro.privilege.admin-group", "Adding accounts to administrator groups", RiskLevel.HIGH,
                "Members of sudo, wheel or Administrators can do anything on the machine. Grant only the specific"
                        + " commands needed through a sudoers.d rule.",
                List.of("sudo usermod -aG sudo guest", "sudo gpasswd -a bob wheel", "net localgroup administrators guest /add",
                        "sudo adduser eve sudo", "Add-LocalGroupMember -Group Administrators -Member guest",
                        "sudo usermod -a -G docker jenkins", "sudo adduser nginx docker",
                        "sudo usermod -aG docker intern", "sudo dscl . -append /Groups/admin GroupMembership guest"),
                List.of("sudo usermod -aG docker $USER", "groups ana", "sudo gpasswd -d bob wheel", "net localgroup administrators",
                        "sudo usermod -aG video ana", "dscl . -read /Groups/admin GroupMembership"));
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
                List<Word> ops = Args.operands(c, Set.of("-G", "--groups", "-g", "--gid", "-d", "--home", "-s", "--shell",
                        "-c", "--comment", "-u", "--uid", "-l", "--login", "-e", "--expiredate", "-p", "--password"));
                String account = ops.isEmpty() ? "" : ops.get(ops.size() - 1).source();
                groups.ifPresent(g -> check(g, account, c, out, ctx.execution().user()));
            }
            case "gpasswd" -> {
                Optional<String> user = Args.value(c, "-a", "--add").or(() -> Args.value(c, "-M", "--members"));
                List<Word> ops = Args.operands(c, Set.of("-a", "--add", "-M", "--members", "-d", "--delete", "-A"));
                if (user.isPresent() && !ops.isEmpty()) {
                    check(ops.get(ops.size() - 1).value(), user.get(), c, out, ctx.execution().user());
                }
            }
            case "adduser", "addgroup" -> {
                List<Word> ops = Args.operands(c);
                if (ops.size() == 2) {
                    check(ops.get(1).value(), ops.get(0).source(), c, out, ctx.execution().user());
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
            case "dscl" -> { // dscl . -append /Groups/admin GroupMembership guest
                String line = String.join(" ", c.argValues()).toLowerCase(Locale.ROOT);
                if (line.matches(".*-(?:append|merge|create) /groups/(?:admin|wheel)\\b.*groupmembership.*")) {
                    report(out, RiskLevel.HIGH, "Adds an account to the macOS admin group.", c.span());
                }
            }
            default -> { }
        }
        return out;
    }

    /** Whether the account is the one running the command: $USER, $(whoami), $(id -un). */
    private static boolean self(String account, String me) {
        return account.equals(me) || account.contains("$USER") || account.contains("${USER}") || account.contains("whoami") || account.contains("id -un")
                || account.contains("$LOGNAME");
    }

    private void check(String groups, String account, SimpleCommand c, List<Finding> out, String me) {
        for (String g : groups.split(",")) {
            String group = g.strip().toLowerCase(Locale.ROOT);
            if (ADMIN.contains(group)) {
                report(out, RiskLevel.HIGH, "Adds an account to the " + g.strip() + " group, which grants administrator rights.", c.span());
            } else if (ROOT_EQUIVALENT.contains(group) && SERVICE_ACCOUNTS.contains(account.toLowerCase(Locale.ROOT))) {
                report(out, RiskLevel.HIGH, "Gives the service account " + account + " the " + g.strip()
                        + " group, which is as good as root: a break-in to that service owns the machine.", c.span());
            } else if (ROOT_EQUIVALENT.contains(group) && !self(account, me)) { // adding yourself is Docker's own setup step
                report(out, RiskLevel.MODERATE, "Adds " + (account.isEmpty() ? "an account" : account) + " to the " + g.strip()
                        + " group, which is as good as root on this machine.", c.span());
            }
        }
    }
}
