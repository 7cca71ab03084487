package dev.caro.rules.perm;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.FindInvocation;
import dev.caro.rules.internal.ModeChange;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** chmod -R, chown -R and chgrp -R (or find -exec chmod/chown) on the root, system or home directories. */
public final class RecursivePermissionRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("chmod", "chown", "chgrp", "gchmod", "gchown", "gchgrp",
            "find", "gfind", "bfs", "fd", "fdfind");

    private static final Set<String> NARROW_SYSTEM = Set.of("/usr/local", "/opt", "/srv", "/var/www", "/mnt", "/media",
            "/var/lib", "/var/cache", "/var/log");

    public RecursivePermissionRule() {
        super("caro.perm.recursive-change", "Recursive permission or ownership changes on system or home directories",
                RiskLevel.CRITICAL,
                "Recursive chmod or chown on system directories breaks sudo, ssh and other programs that check"
                        + " permissions, and is very hard to undo. Change only the files that need it.",
                List.of("chmod -R 777 /", "chmod -R o+w ~/.ssh", "chmod --recursive ugo+rwx /", "sudo chmod --recursive a+rwx /etc",
                        "sudo chown --recursive \"$USER\" /usr/bin /usr/sbin", "sudo find / -xdev -type d -exec chmod 777 {} \\;",
                        "chmod -R 777 ~", "sudo chown -R nobody:nogroup /home/user", "sudo chown -R nobody /var/lib/mysql"),
                List.of("chmod -R u+rwX ./data", "sudo chown -R \"$USER\":\"$USER\" ./data", "chmod -R go-w ~/.ssh",
                        "chmod -R 755 build/", "sudo chown -R www-data:www-data /var/www/app", "sudo chown -R postgres:postgres /var/lib/postgresql",
                        "sudo chown -R root:root /var/lib/docker", "chmod 644 file.txt",
                        "sudo chown -R $USER ~/.npm"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Optional<ModeChange> m = ModeChange.of(c);
        if (m.isPresent() && m.get().recursive()) {
            for (Word w : m.get().files()) {
                judge(c, ctx, m.get(), w, out);
            }
        }
        Optional<FindInvocation> f = FindInvocation.of(c);
        if (f.isPresent()) {
            List<String> names = f.get().execNames();
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                if (n.equals("chmod") || n.equals("chown") || n.equals("chgrp")) {
                    List<Word> argv = f.get().execs().get(i);
                    int start = 0;
                    while (start < argv.size() && !Names.normalize(argv.get(start).value()).equals(n)) {
                        start++;
                    }
                    ModeChange mc = ModeChange.parse(n, argv.subList(Math.min(start + 1, argv.size()), argv.size()));
                    for (Word root : f.get().roots()) {
                        judge(c, ctx, mc, root, out);
                    }
                }
            }
        }
        return out;
    }

    private void judge(SimpleCommand c, RuleContext ctx, ModeChange m, Word w, List<Finding> out) {
        if (m.onlyTightensOthers()) {
            return; // go-w and friends only take access away from other users
        }
        PathKind k = Targets.kind(c, w, ctx);
        String abs = w.literal() ? Targets.absolute(c, ctx, w.value()) : "";
        boolean chmod = m.program().equals("chmod");
        boolean world = m.worldWritable();
        boolean ownerIsUser = m.spec().contains("$USER") || m.spec().contains("$(id -u") || m.spec().contains("$(whoami)")
                || m.spec().startsWith(ctx.execution().user() + ":") || m.spec().equals(ctx.execution().user());
        RiskLevel r;
        switch (k) {
            case ROOT -> r = RiskLevel.CRITICAL;
            case SYSTEM -> {
                boolean narrow = false;
                for (String p : NARROW_SYSTEM) {
                    if (abs.equals(p + "/") || abs.startsWith(p + "/")) {
                        narrow = true;
                    }
                }
                if (!narrow) {
                    r = RiskLevel.CRITICAL;
                } else if (chmod) {
                    r = world ? RiskLevel.CRITICAL : m.removesOwnerAccess() ? RiskLevel.MODERATE : RiskLevel.SAFE;
                } else {
                    r = takesServiceData(abs, m.spec()) ? RiskLevel.HIGH : RiskLevel.SAFE;
                }
            }
            case HOME -> r = chmod ? (world ? RiskLevel.CRITICAL : m.removesOwnerAccess() ? RiskLevel.HIGH : RiskLevel.MODERATE)
                    : ownerIsUser && Targets.collapse(abs).equals(Targets.collapse(ctx.execution().home())) ? RiskLevel.SAFE : RiskLevel.HIGH;
            case UNKNOWN -> r = world ? RiskLevel.HIGH : RiskLevel.SAFE;
            case OUTSIDE_CWD -> r = world ? RiskLevel.MODERATE : RiskLevel.SAFE;
            default -> r = RiskLevel.SAFE;
        }
        if (chmod && world && sshDir(abs, ctx) && !r.atLeast(RiskLevel.HIGH)) {
            r = RiskLevel.HIGH; // wherever caro runs, even from the home directory itself
        }
        String what = chmod ? "Recursively changes the permissions of " : "Recursively changes the owner of ";
        report(out, r, what + Targets.describe(k, w) + (world ? " so that anyone can write to it." : "."), w.span());
    }

    /**
     * chown -R of a service's data (/var/lib/postgresql, /var/lib/mysql ...) to an owner that is not the
     * service: it can no longer read or write its own files and will not start.
     */
    private static boolean takesServiceData(String abs, String spec) {
        if (!abs.startsWith("/var/lib/") || abs.length() <= 9) {
            return false;
        }
        String service = abs.substring(9).split("/")[0];
        String owner = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        if (owner.isEmpty() || service.length() < 3) {
            return false;
        }
        String stem = service.replaceAll("(?:ql|db|-server|d)$", "");
        // root owns /var/lib/dpkg, /var/lib/docker and the like, so root is never the wrong owner here
        return !owner.equals("root") && !owner.startsWith("$") && !owner.contains(stem) && !stem.contains(owner);
    }

    /** ~/.ssh or ~/.gnupg: anyone able to write there can add a login key (and sshd then refuses the keys). */
    private static boolean sshDir(String abs, RuleContext ctx) {
        String home = ctx.execution().home();
        return !home.isEmpty() && (abs.equals(home + "/.ssh") || abs.startsWith(home + "/.ssh/")
                || abs.equals(home + "/.gnupg") || abs.startsWith(home + "/.gnupg/"));
    }
}
