package dev.caro.rules.system;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pulling the running system's own filesystems out from under it: remounting {@code /} (or
 * {@code /usr}, {@code /var}, ...) read-only, and forced, lazy or wholesale unmounts of them.
 */
public final class LiveMountRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("mount", "umount");

    /** Mount points the running system writes to or runs from. */
    private static final Set<String> SYSTEM_MOUNTS = Set.of("/", "/usr", "/var", "/etc", "/home", "/boot", "/opt", "/tmp",
            "/var/log", "/var/lib", "/root", "/srv");

    private static final Set<String> MOUNT_VALUE_OPTS = Set.of("-o", "--options", "-t", "--types", "-L", "--label", "-U", "--uuid",
            "-O", "--test-opts", "-N", "--namespace", "--target");

    public LiveMountRule() {
        super("caro.system.live-mount", "Remounting the system's own filesystems read-only or unmounting them",
                RiskLevel.HIGH,
                "Every service that writes logs, databases or temp files fails at once, and a lazy unmount of / leaves"
                        + " the machine unusable until a reboot. Stop the services first, or use a maintenance window"
                        + " with console access.",
                List.of("sudo mount -o remount,ro /", "mount -o ro,remount /var", "sudo umount -l /", "umount -f /usr",
                        "sudo umount -a", "mount --options remount,ro --target /"),
                List.of("sudo mount -o remount,rw /", "mount /dev/sdb1 /mnt/usb", "sudo umount /mnt/usb", "mount | grep ' / '",
                        "findmnt /", "sudo mount -o remount,ro /mnt/backup", "umount --help"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        if (Args.has(c, "h", "--help", "--version")) {
            return out;
        }
        List<String> targets = new ArrayList<>();
        for (Word w : Args.operands(c, MOUNT_VALUE_OPTS)) {
            if (w.literal() && w.value().startsWith("/")) {
                targets.add(Targets.collapse(w.value()));
            }
        }
        Args.value(c, null, "--target").ifPresent(t -> targets.add(Targets.collapse(t)));
        if (name(c).equals("mount")) {
            List<String> options = new ArrayList<>();
            for (String o : Args.values(c, "-o", "--options")) {
                options.addAll(List.of(o.split(",")));
            }
            if (options.contains("remount") && options.contains("ro")) {
                for (String t : targets) {
                    if (SYSTEM_MOUNTS.contains(t)) {
                        report(out, t.equals("/") ? RiskLevel.HIGH : RiskLevel.MODERATE, "Remounts " + t
                                + " read-only under the running system: every program that writes there starts failing.", c.span());
                    }
                }
            }
        } else if (name(c).equals("umount")) {
            boolean forced = Args.has(c, "lf", "--lazy", "--force");
            if (Args.has(c, "a", "--all")) {
                report(out, forced ? RiskLevel.HIGH : RiskLevel.MODERATE, "Unmounts every filesystem it can, the system's own"
                        + " included.", c.span());
            }
            for (String t : targets) {
                if (SYSTEM_MOUNTS.contains(t)) {
                    boolean root = t.equals("/");
                    report(out, root ? RiskLevel.HIGH : forced || Args.has(c, "R", "--recursive") ? RiskLevel.MODERATE : RiskLevel.SAFE,
                            "Unmounts " + t + " from under the running system.", c.span());
                }
            }
        }
        return out;
    }
}
