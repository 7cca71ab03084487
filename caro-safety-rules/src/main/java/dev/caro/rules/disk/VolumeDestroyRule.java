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
import java.util.Set;

/** Destroying storage pools and volumes: zpool destroy, zfs destroy, lvremove, vgremove, cryptsetup luksFormat, mdadm --zero-superblock. */
public final class VolumeDestroyRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("zpool", "zfs", "lvremove", "vgremove", "pvremove", "lvreduce", "cryptsetup", "mdadm",
            "btrfs");

    public VolumeDestroyRule() {
        super("caro.disk.volume-destroy", "Destroying storage pools, logical volumes or encrypted containers",
                RiskLevel.CRITICAL,
                "Destroying a pool, volume or LUKS header makes all data on it unreachable. Take a snapshot or"
                        + " backup first and double-check the name (zpool list, lvs, blkid).",
                List.of("sudo zpool destroy tank", "zfs destroy -r tank/data", "lvremove -f /dev/vg0/data",
                        "vgremove vg0", "cryptsetup luksFormat /dev/sdb1", "sudo cryptsetup erase /dev/sdc2",
                        "mdadm --zero-superblock /dev/sdb1", "pvremove /dev/sdd"),
                List.of("zpool status", "zfs list -t snapshot", "lvs", "cryptsetup luksOpen /dev/sdb1 data",
                        "zfs snapshot tank/data@today", "mdadm --detail /dev/md0"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Word> ops = Args.operands(c);
        String verb = ops.isEmpty() ? "" : ops.get(0).value().toLowerCase(Locale.ROOT);
        String target = ops.size() > 1 ? ops.get(1).value() : "";
        List<Finding> out = new ArrayList<>();
        switch (n) {
            case "zpool" -> {
                if (verb.equals("destroy")) {
                    report(out, RiskLevel.CRITICAL, "Destroys the ZFS pool " + target + " and every dataset in it.", c.span());
                } else if (verb.equals("labelclear")) {
                    report(out, RiskLevel.HIGH, "Clears the ZFS label of " + target + ".", c.span());
                }
            }
            case "zfs" -> {
                if (verb.equals("destroy")) {
                    boolean recursive = Args.has(c, "rR", "--recursive");
                    boolean snapshot = target.contains("@") && !recursive;
                    report(out, snapshot ? RiskLevel.MODERATE : recursive ? RiskLevel.CRITICAL : RiskLevel.HIGH,
                            "Destroys the ZFS dataset " + target + (recursive ? " and everything under it." : "."), c.span());
                }
            }
            case "lvremove", "vgremove", "pvremove", "lvreduce" -> report(out, RiskLevel.HIGH,
                    "Removes the LVM " + (n.startsWith("lv") ? "logical volume " : n.startsWith("vg") ? "volume group " : "physical volume ")
                    + (ops.isEmpty() ? "" : ops.get(0).value()) + " and the data on it.", c.span());
            case "cryptsetup" -> {
                String v = verb;
                if (v.equals("luksformat") || v.equals("erase") || v.equals("lukserase") || v.equals("lukskillslot")
                        || v.equals("reencrypt") && Args.hasLong(c, "--encrypt")) {
                    report(out, v.equals("lukskillslot") ? RiskLevel.HIGH : RiskLevel.CRITICAL,
                            "Runs cryptsetup " + ops.get(0).value() + " on " + target
                                    + ", which destroys access to the data on it.", c.span());
                }
            }
            case "mdadm" -> {
                if (Args.hasLong(c, "--zero-superblock")) {
                    report(out, RiskLevel.HIGH, "Erases the RAID superblock of " + (ops.isEmpty() ? "the device" : ops.get(0).value()) + ".", c.span());
                }
            }
            case "btrfs" -> {
                if (ops.size() >= 2 && ops.get(0).value().startsWith("sub") && ops.get(1).value().equals("delete")) {
                    report(out, RiskLevel.HIGH, "Deletes a btrfs subvolume.", c.span());
                }
            }
            default -> { }
        }
        return out;
    }
}
