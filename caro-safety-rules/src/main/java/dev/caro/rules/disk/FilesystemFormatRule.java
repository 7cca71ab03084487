package dev.caro.rules.disk;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** mkfs and its relatives (mke2fs, mkswap, newfs, diskutil eraseDisk) on a device. */
public final class FilesystemFormatRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("mkfs", "mkfs.*", "mkfs_*", "mke2fs", "mkntfs", "mkdosfs", "mkexfatfs", "mkswap",
            "newfs", "newfs_*", "diskutil");

    private static final Set<String> DISKUTIL_WHOLE = Set.of("erasedisk", "zerodisk", "randomdisk", "secureerase",
            "partitiondisk");
    private static final Set<String> DISKUTIL_VOLUME = Set.of("erasevolume", "reformat", "deletecontainer",
            "deletevolume", "splitpartition", "mergepartitions");
    private static final LazyPattern MAC_DISK = LazyPattern.of("(?:/dev/)?r?disk\\d+(s\\d+)?");

    public FilesystemFormatRule() {
        super("caro.disk.format", "Creating a new filesystem on a device (mkfs, mkswap, diskutil erase)",
                RiskLevel.CRITICAL,
                "Formatting erases everything on the device. Check the device name with lsblk (or diskutil"
                        + " list) first; to practise, format an image file instead.",
                List.of("sudo mkfs.ext4 /dev/sdb1", "mkfs -t ext4 /dev/sdc1", "sudo mkfs.xfs -f /dev/nvme0n1p2",
                        "mkswap /dev/sda2", "diskutil eraseDisk JHFS+ Untitled disk2", "mke2fs -j /dev/sdd",
                        "mkfs.vfat -F 32 \"$DEVICE\""),
                List.of("mkfs.vfat -C floppy.img 1440", "mkfs.ext4 -F ./rootfs.img", "mkswap /swapfile",
                        "mkfs.ext4 -n /dev/sdb1", "sudo mkfs.xfs -N /dev/sdc1",
                        "diskutil list", "man mkfs", "echo mkfs.ext4 /dev/sda1"));
    }

    /** mke2fs -n and mkfs.xfs -N only show what they would do. */
    private static boolean dryRun(SimpleCommand c, String n) {
        String type = n.equals("mkfs") ? Args.value(c, "-t", "--type").orElse("") : n;
        if (type.equals("mke2fs") || type.matches("(?:mkfs\\.)?ext[234]")) {
            return Args.hasShort(c, 'n');
        }
        if (type.equals("mkfs.xfs") || type.equals("xfs")) {
            return Args.hasShort(c, 'N');
        }
        return false;
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if (Names.isMkfs(n)) {
            if (dryRun(c, n)) {
                return out;
            }
            for (Word w : Args.operands(c)) {
                Optional<DeviceTarget.Judged> j = DeviceTarget.judgeAssumingDevice(c, w, ctx);
                j.ifPresent(d -> report(out, d.risk(), "Formats " + d.description() + ", erasing everything on it.", w.span()));
            }
        } else if (n.equals("diskutil")) {
            List<Word> ops = Args.operands(c);
            if (ops.isEmpty()) {
                return out;
            }
            String verb = ops.get(0).value().toLowerCase(Locale.ROOT);
            if (verb.equals("apfs") && ops.size() > 1) {
                verb = ops.get(1).value().toLowerCase(Locale.ROOT);
            }
            String disk = "the disk";
            for (Word w : ops) {
                if (MAC_DISK.matcher(w.value()).matches()) {
                    disk = w.value();
                }
            }
            if (DISKUTIL_WHOLE.contains(verb)) {
                report(out, RiskLevel.CRITICAL, "Erases the whole disk " + disk + ".", c.span());
            } else if (DISKUTIL_VOLUME.contains(verb)) {
                report(out, RiskLevel.HIGH, "Erases the volume " + disk + ".", c.span());
            }
        }
        return out;
    }
}
