package dev.caro.rules.power;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.Names;
import dev.caro.rules.internal.Stdin;
import dev.caro.rules.internal.Writes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Magic SysRq: writing b (reboot), o (power off), c (crash), e/i (kill all) to /proc/sysrq-trigger. */
public final class SysrqRule extends BaseRule {

    public SysrqRule() {
        super("caro.power.sysrq", "Magic SysRq commands that reboot, crash or kill everything instantly", RiskLevel.CRITICAL,
                "SysRq acts immediately: no sync, no unmount, no clean shutdown, so open files can be corrupted."
                        + " Use shutdown or systemctl reboot instead.",
                List.of("echo b > /proc/sysrq-trigger", "echo b | sudo tee /proc/sysrq-trigger",
                        "printf c | sudo tee /proc/sysrq-trigger >/dev/null", "echo o > /proc/sysrq-trigger",
                        "echo e | sudo tee /proc/sysrq-trigger"),
                List.of("sysctl kernel.sysrq", "cat /proc/sys/kernel/sysrq", "echo 1 | sudo tee /proc/sys/kernel/sysrq",
                        "echo h > /proc/sysrq-trigger", "echo /proc/sysrq-trigger"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        for (Writes.Target t : Writes.of(c)) {
            if (!t.target().value().equals("/proc/sysrq-trigger")) {
                continue;
            }
            Optional<String> text = Names.of(c).equals("tee") ? Stdin.text(c) : echoed(c);
            String key = text.map(String::strip).filter(s -> !s.isEmpty()).map(s -> s.substring(0, 1)).orElse("?");
            RiskLevel r;
            String what;
            switch (key) {
                case "c" -> { r = RiskLevel.CRITICAL; what = "crashes the kernel on purpose"; }
                case "b" -> { r = RiskLevel.HIGH; what = "reboots instantly without syncing or unmounting disks"; }
                case "o" -> { r = RiskLevel.HIGH; what = "powers off instantly without syncing disks"; }
                case "e", "i" -> { r = RiskLevel.CRITICAL; what = "kills every process on the system"; }
                case "u" -> { r = RiskLevel.HIGH; what = "remounts every filesystem read-only"; }
                case "f" -> { r = RiskLevel.MODERATE; what = "invokes the OOM killer"; }
                case "h", "m", "w", "t", "l", "p", "q", "d", "s", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" -> {
                    r = RiskLevel.SAFE; what = "prints diagnostics";
                }
                default -> { r = RiskLevel.HIGH; what = "sends a SysRq command that may reboot or crash the machine"; }
            }
            report(out, r, "Writes '" + key + "' to /proc/sysrq-trigger, which " + what + ".", t.target().span());
        }
        return out;
    }

    private static Optional<String> echoed(SimpleCommand c) {
        String n = Names.of(c);
        if (!n.equals("echo") && !n.equals("printf")) {
            return Stdin.text(c);
        }
        for (Word w : c.args()) {
            if (!w.value().startsWith("-")) {
                return Optional.of(w.value());
            }
        }
        return Optional.empty();
    }
}
