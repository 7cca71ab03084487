package dev.caro.rules.system;

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

/** Stopping, disabling or masking services that remote access, networking or logins need. */
public final class CriticalServiceRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("systemctl", "service", "rc-service", "update-rc.d", "chkconfig", "rc-update");

    private static final Set<String> VITAL = Set.of("ssh", "sshd", "ssh.socket", "networking", "network",
            "networkmanager", "systemd-networkd", "dbus", "dbus-broker", "systemd-logind",
            "systemd-journald", "systemd-udevd", "udev", "getty@tty1", "serial-getty@ttys0",
            "google-guest-agent", "walinuxagent", "amazon-ssm-agent");
    private static final Set<String> ACTIONS = Set.of("stop", "disable", "mask", "kill");
    private static final Set<String> TARGETS = Set.of("rescue.target", "emergency.target", "rescue", "emergency",
            "poweroff.target", "reboot.target", "halt.target");

    public CriticalServiceRule() {
        super("caro.system.critical-service", "Stopping or disabling SSH, networking or login services", RiskLevel.HIGH,
                "Stopping SSH or networking on a remote machine cuts you (and everyone) off, often for good. Use"
                        + " restart or reload instead, or schedule a rollback before changing it.",
                List.of("sudo systemctl disable --now ssh", "systemctl stop sshd", "sudo systemctl mask NetworkManager",
                        "service networking stop", "sudo systemctl isolate rescue.target", "systemctl stop dbus"),
                List.of("sudo systemctl restart ssh", "systemctl status sshd", "sudo systemctl reload nginx",
                        "sudo systemctl stop nginx", "sudo systemctl disable --now bluetooth", "systemctl enable --now ssh"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        if (n.equals("systemctl")) {
            List<Word> ops = Args.operands(c, Set.of("-H", "--host", "-M", "--machine", "-s", "--signal", "--kill-whom", "-t", "--type"));
            if (ops.isEmpty()) {
                return out;
            }
            String verb = ops.get(0).value().toLowerCase(Locale.ROOT);
            if (verb.equals("set-default") && ops.size() > 1 && TARGETS.contains(ops.get(1).value().toLowerCase(Locale.ROOT))) {
                report(out, RiskLevel.HIGH, "Makes the machine boot into " + ops.get(1).value() + ", without networking or SSH.", c.span());
                return out;
            }
            if (verb.equals("isolate") && ops.size() > 1 && TARGETS.contains(ops.get(1).value().toLowerCase(Locale.ROOT))) {
                report(out, RiskLevel.HIGH, "Switches the system to " + ops.get(1).value()
                        + ", stopping networking, SSH and every user service.", c.span());
                return out;
            }
            if (!ACTIONS.contains(verb)) {
                return out;
            }
            for (Word w : ops.subList(1, ops.size())) {
                check(w.value(), verb, w, out);
            }
        } else if (n.equals("service") || n.equals("rc-service")) {
            List<Word> ops = Args.operands(c);
            if (ops.size() >= 2 && ops.get(1).value().equals("stop")) {
                check(ops.get(0).value(), "stop", ops.get(0), out);
            }
        } else if (n.equals("update-rc.d") || n.equals("chkconfig") || n.equals("rc-update")) {
            List<Word> ops = Args.operands(c);
            if (ops.size() >= 2 && (ops.contains(ops.get(1)) && (ops.get(1).value().equals("disable")
                    || ops.get(1).value().equals("remove") || ops.get(1).value().equals("off") || ops.get(0).value().equals("del")))) {
                String svc = ops.get(0).value().equals("del") ? ops.get(1).value() : ops.get(0).value();
                check(svc, "disable", ops.get(0), out);
            }
        }
        return out;
    }

    private void check(String unit, String verb, Word w, List<Finding> out) {
        String u = unit.toLowerCase(Locale.ROOT);
        if (u.endsWith(".service")) {
            u = u.substring(0, u.length() - ".service".length());
        }
        if (VITAL.contains(u)) {
            report(out, RiskLevel.HIGH, capitalize(verb) + "s " + unit + ", which "
                    + (u.startsWith("ssh") ? "cuts off remote logins." : "the system needs for networking or logins."), w.span());
        }
    }

    private static String capitalize(String s) {
        String v = s.equals("stop") ? "Stop" : s.equals("disable") ? "Disable" : s.equals("mask") ? "Mask" : "Kill";
        return v;
    }
}
