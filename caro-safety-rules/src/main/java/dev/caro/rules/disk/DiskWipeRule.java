package dev.caro.rules.disk;

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

/** Tools that erase disks directly: wipefs, blkdiscard, hdparm secure erase, nvme format/sanitize, badblocks -w, sg_format. */
public final class DiskWipeRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("wipefs", "blkdiscard", "hdparm", "nvme", "badblocks", "flashrom", "sg_format", "sg_sanitize");

    private static final Set<String> WIPEFS_VALUE_OPTS = Set.of("-o", "--offset", "-t", "--types", "-b", "--backup");

    public DiskWipeRule() {
        super("caro.disk.wipe", "Erasing disks or their signatures (wipefs, blkdiscard, secure erase)", RiskLevel.CRITICAL,
                "These tools erase a disk in seconds and the data cannot be recovered. Confirm the device with"
                        + " lsblk; use wipefs without -a (or with --no-act) to only list signatures.",
                List.of("sudo wipefs --all --force /dev/sdb", "wipefs -a /dev/sdc1", "blkdiscard /dev/nvme0n1",
                        "sudo blkdiscard --secure /dev/sdb", "hdparm --security-erase NULL /dev/sda",
                        "nvme format /dev/nvme0n1", "badblocks -wsv /dev/sdd"),
                List.of("wipefs /dev/sdb", "wipefs --no-act -a /dev/sdb", "badblocks -sv /dev/sdd",
                        "hdparm -I /dev/sda", "nvme list", "lsblk -f"));
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
            case "wipefs" -> {
                boolean writes = Args.has(c, "ao", "--all", "--offset") && !Args.has(c, "n", "--no-act");
                if (writes) {
                    devices(c, ctx, Args.operands(c, WIPEFS_VALUE_OPTS), "Erases the filesystem and partition signatures of ", out, null);
                }
            }
            case "blkdiscard" -> devices(c, ctx, Args.operands(c, Set.of("-o", "--offset", "-l", "--length", "-p", "--step")),
                    "Discards every block of ", out, Args.has(c, "sz", "--secure", "--zeroout") ? RiskLevel.CRITICAL : null);
            case "hdparm" -> {
                for (Word w : c.args()) {
                    String v = w.value().toLowerCase(Locale.ROOT);
                    if (v.startsWith("--security-erase") || v.startsWith("--trim-sector") || v.equals("--write-sector")
                            || v.equals("--make-bad-sector") || v.equals("--fwdownload") || v.equals("--sanitize-crypto-scramble")
                            || v.startsWith("--sanitize")) {
                        devices(c, ctx, Args.operands(c), "Erases ", out, RiskLevel.CRITICAL);
                        break;
                    }
                }
            }
            case "nvme" -> {
                List<Word> ops = Args.operands(c);
                if (!ops.isEmpty() && Set.of("format", "sanitize", "delete-ns", "detach-ns").contains(ops.get(0).value())) {
                    report(out, RiskLevel.CRITICAL, "Erases the NVMe drive " + (ops.size() > 1 ? ops.get(1).value() : "")
                            + " with nvme " + ops.get(0).value() + ".", c.span());
                }
            }
            case "badblocks" -> {
                if (Args.hasShort(c, 'w')) {
                    devices(c, ctx, Args.operands(c, Set.of("-b", "-c", "-e", "-i", "-o", "-p", "-t", "-d")),
                            "Overwrites every block of ", out, null);
                }
            }
            case "flashrom" -> {
                if (Args.has(c, "wE", "--write", "--erase")) {
                    report(out, RiskLevel.HIGH, "Overwrites the machine's firmware; a bad image leaves it unbootable.", c.span());
                }
            }
            case "sg_format", "sg_sanitize" -> report(out, RiskLevel.CRITICAL, "Low-level formats a SCSI disk.", c.span());
            default -> { }
        }
        return out;
    }

    private void devices(SimpleCommand c, RuleContext ctx, List<Word> ops, String what, List<Finding> out, RiskLevel atLeast) {
        for (Word w : ops) {
            Optional<DeviceTarget.Judged> j = DeviceTarget.judge(c, w, ctx);
            if (j.isPresent()) {
                RiskLevel r = atLeast == null ? j.get().risk() : RiskLevel.max(atLeast, j.get().risk());
                report(out, r, what + j.get().description() + ".", w.span());
            }
        }
    }
}
