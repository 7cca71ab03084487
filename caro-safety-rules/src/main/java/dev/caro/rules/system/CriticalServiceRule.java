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

    private static final Set<String> COMMAND_NAMES = Set.of("systemctl", "service", "rc-service", "update-rc.d", "chkconfig",
            "rc-update", "launchctl", "systemsetup", "stop-service", "spsv", "set-service", "net", "sc", "invoke-rc.d",
            "ssh", "sshd", "networking", "network", "network-manager", "dbus", "udev", "sv");

    private static final Set<String> VITAL = Set.of("ssh", "sshd", "ssh.socket", "sshd.socket", "networking", "network",
            "network-manager",
            "networkmanager", "systemd-networkd", "dbus", "dbus-broker", "systemd-logind",
            "systemd-journald", "systemd-udevd", "udev", "getty@tty1", "serial-getty@ttys0",
            "google-guest-agent", "walinuxagent", "amazon-ssm-agent");
    private static final Set<String> ACTIONS = Set.of("stop", "disable", "mask", "kill");
    /** launchd verbs that stop a job or keep it from starting. */
    private static final Set<String> LAUNCHD_ACTIONS = Set.of("bootout", "unload", "disable", "stop", "remove", "kill");
    /** macOS daemons that remote access, name resolution or logins need (last part of the label or plist name). */
    private static final Set<String> MAC_VITAL = Set.of("ssh", "sshd", "mdnsresponder", "configd", "opendirectoryd",
            "loginwindow", "networkd", "screensharing");
    /** Windows services that remote access or networking need. */
    private static final Set<String> WINDOWS_VITAL = Set.of("sshd", "termservice", "winrm", "dnscache", "dhcp", "netman",
            "nlasvc", "lanmanworkstation");
    private static final Set<String> TARGETS = Set.of("rescue.target", "emergency.target", "rescue", "emergency",
            "poweroff.target", "reboot.target", "halt.target");

    public CriticalServiceRule() {
        super("caro.system.critical-service", "Stopping or disabling SSH, networking or login services", RiskLevel.HIGH,
                "Stopping SSH or networking on a remote machine cuts you (and everyone) off, often for good. Use"
                        + " restart or reload instead, or schedule a rollback before changing it.",
                List.of("sudo systemctl disable --now ssh", "systemctl stop sshd", "sudo systemctl mask NetworkManager",
                        "service networking stop", "sudo systemctl isolate rescue.target", "systemctl stop dbus",
                        "sudo launchctl bootout system/com.openssh.sshd",
                        "sudo launchctl unload -w /System/Library/LaunchDaemons/ssh.plist",
                        "sudo systemsetup -f -setremotelogin off", "Stop-Service -Name sshd -Force", "net stop TermService",
                        "sudo /etc/init.d/ssh stop", "Set-Service -Name sshd -StartupType Disabled"),
                List.of("sudo systemctl restart ssh", "systemctl status sshd", "sudo systemctl reload nginx",
                        "sudo systemctl stop nginx", "sudo systemctl disable --now bluetooth", "systemctl enable --now ssh",
                        "launchctl kickstart -k system/com.openssh.sshd", "launchctl print system/com.openssh.sshd",
                        "launchctl bootout gui/501/com.example.agent", "sudo systemsetup -getremotelogin",
                        "Stop-Service -Name Spooler", "net stop wuauserv", "sudo /etc/init.d/ssh restart",
                        "Set-Service -Name sshd -StartupType Automatic", "ssh stop@example.com uptime"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        String invoked = c.nameWord() == null ? "" : c.nameWord().value();
        if (invoked.startsWith("/etc/init.d/") || invoked.startsWith("/etc/rc.d/") || n.equals("invoke-rc.d") || n.equals("sv")) {
            // /etc/init.d/ssh stop, invoke-rc.d ssh stop, sv down sshd (runit)
            List<Word> ops = Args.operands(c);
            boolean named = n.equals("invoke-rc.d") || n.equals("sv");
            String verb = ops.size() > (named ? 1 : 0) ? ops.get(named ? (n.equals("sv") ? 0 : 1) : 0).value() : "";
            String unit = named ? (ops.size() > 1 ? ops.get(n.equals("sv") ? 1 : 0).value() : "") : n;
            if (verb.equals("stop") || verb.equals("down") || verb.equals("force-stop")) {
                check(unit.substring(unit.lastIndexOf('/') + 1), "stop", ops.isEmpty() ? c.nameWord() : ops.get(0), out);
            }
            return out;
        }
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
        } else if (n.equals("launchctl")) {
            launchd(c, out);
        } else if (n.equals("systemsetup")) {
            List<String> a = c.argValues();
            int at = a.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList().indexOf("-setremotelogin");
            if (at >= 0 && at + 1 < a.size() && a.get(at + 1).equalsIgnoreCase("off")) {
                report(out, RiskLevel.HIGH, "Turns off Remote Login (SSH), which cuts off remote logins.", c.span());
            }
        } else if (n.equals("stop-service") || n.equals("spsv") || n.equals("set-service") || n.equals("net") || n.equals("sc")) {
            windows(c, n, out);
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

    /** {@code launchctl bootout|unload|disable|stop|remove|kill ... system/com.openssh.sshd} or a daemon's plist. */
    private void launchd(SimpleCommand c, List<Finding> out) {
        List<Word> ops = Args.operands(c);
        if (ops.isEmpty() || !LAUNCHD_ACTIONS.contains(ops.get(0).value().toLowerCase(Locale.ROOT))) {
            return;
        }
        String verb = ops.get(0).value().toLowerCase(Locale.ROOT);
        for (Word w : ops.subList(1, ops.size())) {
            String v = w.value().toLowerCase(Locale.ROOT);
            String last = v.substring(v.lastIndexOf('/') + 1);
            if (last.endsWith(".plist")) {
                last = last.substring(0, last.length() - ".plist".length());
            }
            String part = last.substring(last.lastIndexOf('.') + 1);
            if (!last.isEmpty() && (MAC_VITAL.contains(part) || MAC_VITAL.contains(last))) {
                report(out, RiskLevel.HIGH, "launchctl " + verb + " stops " + w.value() + ", which "
                        + (part.startsWith("ssh") || part.equals("screensharing") ? "cuts off remote logins."
                                : "the system needs for networking or logins."), w.span());
            }
        }
    }

    /** {@code Stop-Service sshd}, {@code net stop TermService}, {@code sc stop WinRM} / {@code sc config X start= disabled}. */
    private void windows(SimpleCommand c, String n, List<Finding> out) {
        List<Word> args = c.args();
        List<Word> names = new ArrayList<>();
        if (n.equals("stop-service") || n.equals("spsv") || n.equals("set-service")) {
            boolean stops = !n.equals("set-service") || c.argValues().stream()
                    .anyMatch(v -> v.equalsIgnoreCase("disabled") || v.equalsIgnoreCase("stopped"));
            for (int i = 0; i < args.size() && stops; i++) {
                String v = args.get(i).value().toLowerCase(Locale.ROOT);
                if (v.equals("-startuptype") || v.equals("-status")) {
                    i++;
                    continue;
                }
                if (v.equals("-name") || v.equals("-displayname") || v.equals("-inputobject")) {
                    continue;
                }
                if (!v.startsWith("-")) {
                    names.add(args.get(i));
                }
            }
        } else if (args.size() >= 2) {
            String verb = args.get(0).value().toLowerCase(Locale.ROOT);
            boolean disables = n.equals("sc") && verb.equals("config")
                    && c.argValues().stream().anyMatch(v -> v.equalsIgnoreCase("disabled"));
            if (verb.equals("stop") || disables) {
                names.add(args.get(1));
            }
        }
        for (Word w : names) {
            for (String one : w.value().split(",")) {
                if (WINDOWS_VITAL.contains(one.strip().toLowerCase(Locale.ROOT))) {
                    report(out, RiskLevel.HIGH, "Stops or disables the Windows service " + one.strip() + ", which "
                            + (one.strip().equalsIgnoreCase("sshd") || one.strip().equalsIgnoreCase("termservice")
                                    || one.strip().equalsIgnoreCase("winrm") ? "cuts off remote logins." : "networking needs."), w.span());
                }
            }
        }
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
