package dev.caro.rules.disk;

import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Devices;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.Targets;
import java.util.Optional;

/** Judges a word that may name a storage device: whole disk critical, partition or unknown device high. */
final class DeviceTarget {

    /**
     * @param risk how bad destroying it is
     * @param description how a message names it
     */
    record Judged(RiskLevel risk, String description) {}

    /** What find -exec gets from a find that walks /dev: caro reads its {} as DIR/{}. */
    private static final LazyPattern FOUND_DEVICE = LazyPattern.of("/dev(?:/[^{}]*)?/\\{\\}");

    private DeviceTarget() {}

    /** Like {@link #judge} but an operand caro cannot resolve counts as a device (mkfs, wipefs take nothing else). */
    static Optional<Judged> judgeAssumingDevice(SimpleCommand c, Word w, RuleContext ctx) {
        if (w.unknownExpansion() && !w.value().isEmpty()) {
            return Optional.of(new Judged(RiskLevel.HIGH, "the device " + w.source()));
        }
        return judge(c, w, ctx);
    }

    static Optional<Judged> judge(SimpleCommand c, Word w, RuleContext ctx) {
        String v = w.value();
        if (Devices.isHarmless(v)) {
            return Optional.empty();
        }
        if (FOUND_DEVICE.matcher(v).matches()) {
            // find /dev ... -exec wipefs -a {} \; runs on every device find lists there, disks included
            return Optional.of(new Judged(RiskLevel.CRITICAL, "every device find lists under " + v.substring(0, v.length() - 3)));
        }
        if (Devices.isStorage(v)) {
            return Optional.of(Devices.isWholeDisk(v)
                    ? new Judged(RiskLevel.CRITICAL, "the whole disk " + v)
                    : new Judged(RiskLevel.HIGH, "the partition or volume " + v));
        }
        if (w.unknownExpansion()) {
            if (Devices.looksLikeDeviceVariable(w.source())) {
                return Optional.of(new Judged(RiskLevel.HIGH, "the device " + w.source()));
            }
            return Optional.empty();
        }
        if (v.startsWith("/dev/") && ctx.classify(c, w) == PathKind.DEVICE) {
            return Optional.of(new Judged(RiskLevel.HIGH, "the device " + v));
        }
        if (ctx.classify(c, w) == PathKind.DEVICE && !v.isEmpty()) {
            return Optional.of(new Judged(RiskLevel.HIGH, Targets.describe(PathKind.DEVICE, w)));
        }
        return Optional.empty();
    }
}
