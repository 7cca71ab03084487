package dev.caro.rules.perm;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.ModeChange;
import dev.caro.rules.internal.SensitiveFiles;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** chmod that locks programs or system files away (000, a-x), and chown of essential system files. */
public final class SystemFileModeRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("chmod", "chown", "chgrp", "gchmod", "gchown", "gchgrp", "chattr");

    /** Programs that need their setuid bit to let users become root or change their own account. */
    private static final Set<String> PRIVILEGE_PROGRAMS = Set.of("sudo", "su", "pkexec", "passwd", "doas", "newgrp", "chsh",
            "chfn", "gpasswd", "mount", "umount", "fusermount", "fusermount3");

    private static String base(String abs) {
        return abs.substring(abs.lastIndexOf('/') + 1);
    }

    public SystemFileModeRule() {
        super("caro.perm.system-lockout", "Removing access to system programs or changing the owner of essential files",
                RiskLevel.CRITICAL,
                "Taking the execute bit off chmod, sudo or a shell, or giving /etc/sudoers another owner, can leave"
                        + " no way to repair the system without a rescue disk. Change the file you actually meant.",
                List.of("sudo chmod a-x \"$(command -v chmod)\"", "chmod 000 /etc", "sudo chmod -x /usr/bin/sudo",
                        "sudo chown nobody /etc/sudoers", "chmod 000 /", "sudo chown user /usr/bin/sudo",
                        "sudo chmod a-x /usr/sbin/*", "sudo chattr -R +i /usr/lib", "sudo chmod u-s /usr/bin/passwd",
                        "sudo chmod 0755 /usr/bin/pkexec"),
                List.of("chmod -x ./script.sh", "chmod 000 secret.txt", "sudo chown root:root /etc/myapp.conf",
                        "chmod u-x ~/bin/old-tool", "chmod a+x /usr/local/bin/tool",
                        "sudo chattr +i /etc/resolv.conf", "sudo chattr -R -i /etc/myapp", "chattr -R +i ./release",
                        "chmod u-s ./mytool"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (name(c).equals("chattr")) {
            return chattr(c, ctx);
        }
        Optional<ModeChange> m = ModeChange.of(c);
        if (m.isEmpty() || m.get().recursive()) {
            return List.of();
        }
        ModeChange mc = m.get();
        List<Finding> out = new ArrayList<>();
        for (Word w : mc.files()) {
            PathKind k = Targets.kind(c, w, ctx);
            String abs = w.literal() ? Targets.absolute(c, ctx, w.value()) : Targets.resolve(c, w, ctx).orElse("");
            Optional<SensitiveFiles.Match> s = abs.isEmpty() ? Optional.empty() : SensitiveFiles.lookup(abs);
            if (mc.program().equals("chmod") && mc.removesSetuid() && PRIVILEGE_PROGRAMS.contains(base(abs))
                    && (abs.startsWith("/usr/") || abs.startsWith("/bin/") || abs.startsWith("/sbin/"))) {
                report(out, RiskLevel.HIGH, "Clears the setuid bit of " + abs + ", so it can no longer give anyone root.", w.span());
            } else if (mc.program().equals("chmod")) {
                boolean noRead = mc.removesOwnerAccess();
                boolean noExec = mc.removesExecute();
                boolean shallow = abs.split("/").length <= 2 || SensitiveFiles.inBinaryDir(abs + "/");
                if (k == PathKind.ROOT && (noRead || noExec)) {
                    report(out, RiskLevel.CRITICAL, "Takes access away from the root directory /.", w.span());
                } else if (k == PathKind.SYSTEM && ((noRead && (s.isPresent() || shallow))
                        || (noExec && (SensitiveFiles.inBinaryDir(abs) || shallow)))) {
                    // A whole directory of programs (or every file in it) is worse than one program: nothing there runs.
                    boolean whole = shallow || abs.endsWith("/*") || abs.endsWith("/");
                    report(out, whole ? RiskLevel.CRITICAL : RiskLevel.HIGH, "Takes " + (noRead ? "all access" : "the execute permission")
                            + " away from " + Targets.describe(k, abs) + (whole ? ", so nothing in it can run." : "."), w.span());
                }
            } else if (s.isPresent() && s.get().risk().atLeast(RiskLevel.HIGH) && !mc.spec().startsWith("root")) {
                report(out, RiskLevel.HIGH, "Gives " + s.get().what() + " " + abs + " to " + mc.spec()
                        + ", which breaks its security checks.", w.span());
            }
        }
        return out;
    }

    /**
     * {@code chattr -R +i} (or {@code +a}) on / or a system directory: every file under it becomes
     * immutable (or append-only), so package updates, logins that write state and config changes fail.
     * One file made immutable ({@code /etc/resolv.conf}) is a common, deliberate choice.
     */
    private List<Finding> chattr(SimpleCommand c, RuleContext ctx) {
        boolean recursive = false;
        boolean locks = false;
        List<Word> targets = new ArrayList<>();
        for (Word w : c.args()) {
            String v = w.value();
            if (v.length() > 1 && v.charAt(0) == '-' && v.chars().skip(1).allMatch(ch -> ch == 'R' || ch == 'V' || ch == 'f')) {
                recursive |= v.indexOf('R') > 0; // options; "-i" or "-a" would be a mode taken away
            } else if ((v.startsWith("+") || v.startsWith("=")) && (v.indexOf('i') > 0 || v.indexOf('a') > 0)) {
                locks = true;
            } else if (!v.startsWith("-")) {
                targets.add(w);
            }
        }
        List<Finding> out = new ArrayList<>();
        if (!recursive || !locks) {
            return out;
        }
        for (Word w : targets) {
            PathKind k = Targets.kind(c, w, ctx);
            if (k == PathKind.ROOT || k == PathKind.SYSTEM) {
                report(out, RiskLevel.HIGH, "Makes everything under " + Targets.describe(k, w)
                        + " unchangeable, so updates and configuration changes fail until chattr -R -i undoes it.", w.span());
            }
        }
        return out;
    }
}
