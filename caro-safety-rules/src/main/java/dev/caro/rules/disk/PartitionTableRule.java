package dev.caro.rules.disk;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Devices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Partition editors that change a disk's partition table: fdisk, gdisk, cfdisk, sfdisk, sgdisk, parted. */
public final class PartitionTableRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("fdisk", "gdisk", "cfdisk", "cgdisk", "sfdisk", "sgdisk", "parted",
            "grub-install", "grub2-install");

    private static final Set<String> INTERACTIVE = Set.of("fdisk", "gdisk", "cfdisk", "cgdisk");
    private static final Set<String> SFDISK_READ = Set.of("-d", "--dump", "-l", "--list", "-s", "--show-size",
            "-J", "--json", "-V", "--verify", "-g", "--show-geometry", "--list-free", "-F", "--list-types", "-T",
            "--part-type", "--part-label", "--part-uuid", "--part-attrs", "-r", "--reorder", "-h", "--help", "-v", "--version");
    private static final Set<String> PARTED_WRITE = Set.of("mklabel", "mktable", "mkpart", "mkpartfs", "rm", "resizepart",
            "resize", "move", "rescue", "set", "name", "toggle", "disk_set", "type");
    private static final Set<String> SGDISK_WRITE = Set.of("-z", "--zap", "-Z", "--zap-all", "-o", "--clear", "-d",
            "--delete", "-n", "--new", "-N", "--largest-new", "-t", "--typecode", "-g", "--mbrtogpt", "-l",
            "--load-backup", "-G", "--randomize-guids", "-R", "--replicate", "-c", "--change-name", "-s", "--sort",
            "-X", "--transform-bsd", "-e", "--move-second-header", "-m", "--gpttombr", "-U", "--disk-guid", "-u",
            "--partition-guid", "-A", "--attributes", "-j", "--adjust-main-table");

    public PartitionTableRule() {
        super("caro.disk.partition", "Changing a disk's partition table or boot sector (fdisk, parted, sgdisk, sfdisk, grub-install)", RiskLevel.CRITICAL,
                "A new or edited partition table can make every partition on the disk unreachable. Back it up first"
                        + " (sfdisk --dump, sgdisk --backup) and check the device with lsblk.",
                List.of("sudo fdisk /dev/sdb", "printf 'o\\nw\\n' | sudo fdisk /dev/sdb", "sgdisk --zap-all /dev/sda",
                        "parted -s /dev/sdb mklabel gpt", "sfdisk /dev/sdc < layout.txt", "sudo sgdisk -Z -o /dev/nvme0n1",
                        "sfdisk --delete /dev/sdb 2", "sudo grub-install /dev/sda"),
                List.of("sudo fdisk -l", "fdisk -l /dev/sda", "sudo sfdisk --dump /dev/nvme0n1 > table.txt", "parted -l",
                        "parted /dev/sda print", "sgdisk -p /dev/sda", "sgdisk --backup=table.bak /dev/sda",
                        "grub-install --version", "sudo grub-install --target=x86_64-efi --efi-directory=/boot/efi"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        String device = device(c);
        if (INTERACTIVE.contains(n)) {
            if (Args.has(c, "lsv", "--list", "--getsz", "--version", "--help", "--list-details") || device == null) {
                return out;
            }
            report(out, risk(device), "Rewrites the partition table of " + device + ".", c.span());
        } else if (n.equals("sfdisk")) {
            for (Word w : c.args()) {
                String v = w.value();
                if (SFDISK_READ.contains(v) || v.startsWith("--dump") || v.startsWith("--backup-file")) {
                    if (!Args.hasLong(c, "--delete")) {
                        return out;
                    }
                }
            }
            if (device != null || Args.hasLong(c, "--delete")) {
                report(out, risk(device == null ? "" : device), "Writes a new partition table to " + (device == null ? "the disk" : device) + ".", c.span());
            }
        } else if (n.equals("sgdisk")) {
            for (Word w : c.args()) {
                String v = w.value();
                int eq = v.indexOf('=');
                String key = eq > 0 ? v.substring(0, eq) : v;
                if (SGDISK_WRITE.contains(key) || (key.length() > 2 && key.startsWith("-") && !key.startsWith("--")
                        && SGDISK_WRITE.contains(key.substring(0, 2)))) {
                    report(out, risk(device == null ? "" : device), "Changes the partition table of "
                            + (device == null ? "the disk" : device) + " (" + key + ").", c.span());
                    break;
                }
            }
        } else if (n.equals("grub-install") || n.equals("grub2-install")) {
            if (device != null) {
                report(out, RiskLevel.HIGH, "Writes a boot loader to the start of " + device
                        + "; the wrong disk or target leaves the machine unable to boot.", c.span());
            }
        } else if (n.equals("parted")) {
            if (Args.has(c, "lv", "--list", "--version", "--help")) {
                return out;
            }
            boolean write = false;
            for (Word w : Args.operands(c, Set.of("-a", "--align"))) {
                if (PARTED_WRITE.contains(w.value().toLowerCase(Locale.ROOT))) {
                    write = true;
                }
            }
            boolean readOnly = c.hasArg("print") || c.hasArg("p") || c.hasArg("unit");
            if (device != null && (write || (!readOnly && Args.operands(c).size() == 1))) {
                report(out, risk(device), "Changes the partition table of " + device + ".", c.span());
            }
        }
        return out;
    }

    private static String device(SimpleCommand c) {
        for (Word w : c.args()) {
            if (Devices.isStorage(w.value()) || (w.unknownExpansion() && Devices.looksLikeDeviceVariable(w.source()))) {
                return w.unknownExpansion() ? w.source() : w.value();
            }
        }
        return null;
    }

    private static RiskLevel risk(String device) {
        return Devices.isWholeDisk(device) ? RiskLevel.CRITICAL : RiskLevel.HIGH;
    }
}
