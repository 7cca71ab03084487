package dev.caro.rules.disk;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Writes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Raw writes to a block device: dd of=, redirection, tee, cp, ddrescue, bmaptool. */
public final class DeviceWriteRule extends BaseRule {

    public DeviceWriteRule() {
        super("caro.disk.device-write", "Writing raw data onto a disk or partition", RiskLevel.CRITICAL,
                "Writing to a device destroys its partition table and every file on it. Double-check the"
                        + " device with lsblk, and write images to a file unless you really mean to flash a disk.",
                List.of("dd if=/dev/zero of=/dev/sda bs=1M", "sudo dd of=/dev/mmcblk0 if=raspios.img bs=4M",
                        "cat /dev/urandom > /dev/nvme0n1", "tee /dev/sda < disk.img", "sudo cp image.iso /dev/sdb",
                        "dd if=backup.img of=/dev/sdc1", "dd if=ubuntu.iso of=\"$USB_DEVICE\" bs=4M"),
                List.of("dd if=/dev/zero of=./disk.img bs=1M count=100", "dd if=/dev/sda of=sda.img bs=4M",
                        "echo hi > /dev/null", "dd if=/dev/nvme0n1 bs=512 count=1 | xxd", "cat /dev/sda1 | gzip > part.gz",
                        "printf 'AT\\r' > /dev/ttyUSB0"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Writes.Target t : Writes.of(c)) {
            if (t.how().equals("edits")) {
                continue;
            }
            check(c, ctx, t.target(), out);
        }
        String n = name(c);
        if (n.equals("ddrescue") || n.equals("bmaptool") || n.equals("dcfldd") || n.equals("dc3dd")) {
            List<Word> ops = Args.operands(c);
            if (n.equals("ddrescue") && ops.size() >= 2) {
                check(c, ctx, ops.get(1), out);
            } else if (!ops.isEmpty()) {
                check(c, ctx, ops.get(ops.size() - 1), out);
            }
            for (Word w : c.args()) {
                if (w.value().startsWith("of=") && !n.equals("ddrescue")) {
                    check(c, ctx, Args.derived(w, w.value().substring(3)), out);
                }
            }
        }
        return out;
    }

    private void check(SimpleCommand c, RuleContext ctx, Word target, List<Finding> out) {
        Optional<DeviceTarget.Judged> j = DeviceTarget.judge(c, target, ctx);
        j.ifPresent(d -> report(out, d.risk(), "Writes raw data onto " + d.description()
                + ", destroying the data on it.", target.span()));
    }
}
