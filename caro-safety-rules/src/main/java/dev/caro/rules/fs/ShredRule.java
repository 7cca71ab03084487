package dev.caro.rules.fs;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Devices;
import dev.caro.rules.internal.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** shred, srm or wipe of a device, system files, the home directory or an unknown path. */
public final class ShredRule extends BaseRule {

    private static final Set<String> NAMES = Set.of("shred", "srm", "wipe", "gshred");
    private static final Set<String> VALUE_OPTS = Set.of("-n", "-s", "--iterations", "--size", "--random-source");

    public ShredRule() {
        super("caro.fs.shred", "Shredding devices, system files or the home directory", RiskLevel.CRITICAL,
                "Shredded data cannot be recovered by any means. Shred only the single file you mean, and never"
                        + " a device unless you are retiring the disk.",
                List.of("shred -n 3 -z /dev/sda", "shred -u ~/.ssh/id_rsa", "sudo shred -vfz /dev/nvme0n1p2", "shred -u /etc/shadow",
                        "shred -u \"$TARGET\"", "sudo shred --iterations=1 /dev/sdb"),
                List.of("shred -u secret.txt", "shred -u ./keys/old.pem", "echo shred /dev/sda", "man shred"));
    }

    @Override
    public Set<String> commandNames() {
        return NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        if (!NAMES.contains(name(c))) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Word w : Args.operands(c, VALUE_OPTS)) {
            PathKind k = Targets.kind(c, w, ctx);
            String v = w.value();
            if (Devices.isStorage(v) || (k == PathKind.DEVICE && !Devices.isHarmless(v))) {
                report(out, RiskLevel.CRITICAL, "Overwrites every block of " + Targets.describe(PathKind.DEVICE, w)
                        + " with random data.", w.span());
                continue;
            }
            String abs = w.literal() ? Targets.absolute(c, ctx, v) : "";
            String home = ctx.execution().home();
            boolean keys = !home.isEmpty() && (abs.startsWith(home + "/.ssh") || abs.startsWith(home + "/.gnupg"));
            RiskLevel r = switch (k) {
                case ROOT, SYSTEM, HOME -> RiskLevel.CRITICAL;
                case UNKNOWN -> RiskLevel.HIGH;
                default -> keys ? RiskLevel.HIGH : RiskLevel.SAFE; // private keys: no backup, no undelete
            };
            if (r == RiskLevel.SAFE && k == PathKind.OUTSIDE_CWD && !abs.isEmpty()
                    && Targets.personalFolder(c, ctx, abs.endsWith("/*") ? abs.substring(0, abs.length() - 2) : abs)) {
                r = RiskLevel.HIGH; // every file of ~/Documents, ~/Pictures
            }
            report(out, r, "Shreds " + Targets.describe(k, w) + " beyond recovery.", w.span());
        }
        return out;
    }
}
