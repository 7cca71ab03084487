package dev.caro.rules.power;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.Origin;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Shutting down or rebooting: shutdown, reboot, halt, poweroff, init 0/6, systemctl poweroff, Stop-Computer; forced variants are worse. */
public final class ShutdownRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("reboot", "halt", "poweroff", "shutdown", "kexec", "init", "telinit", "systemctl",
            "loginctl", "stop-computer", "restart-computer", "osascript", "psshutdown", "rtcwake", "ansible", "pssh", "parallel-ssh", "pdsh", "clush");

    /** Tools that run one command on many hosts. */
    private static final Set<String> FLEET_SHELLS = Set.of("pssh", "parallel-ssh", "pdsh", "clush");
    private static final LazyPattern POWER_COMMAND = LazyPattern.of(
            "(?:^|[\\s;&|'\"])(?:reboot|poweroff|halt|shutdown|systemctl\\s++(?:reboot|poweroff|halt)|init\\s++[06])\\b");

    private static final Set<String> SYSTEMCTL_POWER = Set.of("poweroff", "reboot", "halt", "kexec", "soft-reboot");
    private static final Set<String> DIRECT = Set.of("reboot", "halt", "poweroff", "shutdown", "kexec");

    /** AppleScript asking the system to power off or restart: tell application "System Events" to shut down. */
    private static final LazyPattern APPLESCRIPT_POWER = LazyPattern.of(
            "(?i)tell application \"(?:System Events|Finder|loginwindow)\" to (shut down|restart)\\b");

    public ShutdownRule() {
        super("caro.power.shutdown", "Shutting down or rebooting the machine", RiskLevel.HIGH,
                "Everyone on the machine loses their session and unsaved work, and a remote machine may not come"
                        + " back. Schedule it with a delay and a message (shutdown -r +5 \"msg\") so it can be cancelled.",
                List.of("sudo shutdown -P +0", "sudo reboot", "sudo systemctl --no-wall poweroff", "init 0",
                        "sudo systemctl reboot --force --force", "reboot -f", "Stop-Computer -ComputerName web01 -Force",
                        "shutdown /s /t 0", "ssh db01 'sudo systemctl reboot'", "echo 'systemctl poweroff' | sudo at 02:00", "sudo rtcwake -m off -s 600", "ansible all -b -m ansible.builtin.reboot",
                        "sudo batch <<< 'reboot'", "for h in web01 web02; do ssh \"$h\" sudo reboot; done",
                        "pssh -h hosts.txt -i 'sudo reboot'", "osascript -e 'tell application \"System Events\" to restart'"),
                List.of("sudo shutdown -c \"maintenance postponed\"", "man shutdown", "systemctl status", "echo reboot",
                        "last reboot", "uptime", "shutdown /a", "systemctl list-timers", "echo 'make backup' | at 23:00", "atq", "rtcwake -m show", "ansible all -m ping",
                        "for h in web01 web02; do ssh \"$h\" uptime; done", "pssh -h hosts.txt -i uptime",
                        "osascript -e 'tell application \"Finder\" to open home'"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    /**
     * Adds what only the whole line shows: the same reboot or shutdown sent over ssh to several
     * hosts, by a loop or from a list through xargs, takes them all down at once.
     */
    @Override
    public List<Finding> evaluate(ShellScript script, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        boolean listed = false;
        SimpleCommand carrier = null;
        for (SimpleCommand c : script.commands()) {
            List<Finding> found = evaluate(c, ctx);
            out.addAll(found);
            if (c.origin() != Origin.REMOTE) {
                carrier = c;
            } else if (!found.isEmpty() && carrier != null) {
                List<Word> ops = Args.operands(carrier);
                hosts.add(ops.isEmpty() ? "" : ops.get(0).value());
                listed |= carrier.origin() == Origin.XARGS || carrier.origin() == Origin.BODY && !ops.isEmpty() && !ops.get(0).literal();
            }
        }
        if (hosts.size() >= 2 || listed) {
            report(out, RiskLevel.HIGH, "Reboots or shuts down several remote machines at once"
                    + (hosts.size() >= 2 ? " (" + String.join(", ", hosts) + ")" : "") + ", so a service they share goes down.",
                    new Span(0, script.source().length()));
        }
        return out;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        String where = c.origin() == Origin.REMOTE ? "the remote machine" : "the machine";
        if (DIRECT.contains(n)) {
            if (windowsStyle(c)) {
                windows(c, out);
                return out;
            }
            if (Args.has(c, "", "--help", "--version") || (n.equals("shutdown") && Args.has(c, "ck", "--cancel", "--show"))) {
                return out;
            }
            boolean forced = !n.equals("shutdown") && Args.has(c, "fn", "--force", "--no-sync")
                    || n.equals("kexec") && Args.hasShort(c, 'e');
            String what = n.equals("reboot") || (n.equals("shutdown") && Args.has(c, "r", "--reboot")) ? "Reboots " : "Shuts down ";
            report(out, forced ? RiskLevel.HIGH : RiskLevel.MODERATE, what + where
                    + (forced ? " immediately without stopping services cleanly." : "."), c.span());
        } else if (n.equals("ansible")) {
            String module = Args.value(c, "-m", "--module-name").orElse("command");
            String cmd = Args.value(c, "-a", "--args").orElse("");
            boolean power = module.equals("reboot") || module.equals("ansible.builtin.reboot")
                    || cmd.matches("(?:sudo\\s+)?(?:reboot|poweroff|halt|shutdown\\b.*|systemctl\\s+(?:reboot|poweroff|halt)).*");
            List<Word> ops = Args.operands(c, Set.of("-m", "--module-name", "-a", "--args", "-i", "--inventory", "-u", "--user",
                    "-f", "--forks", "-e", "--extra-vars", "-l", "--limit", "--become-user"));
            String hosts = ops.isEmpty() ? "" : ops.get(0).value();
            if (power) {
                boolean fleet = hosts.equals("all") || hosts.equals("*") || hosts.equals("'*'");
                report(out, fleet ? RiskLevel.HIGH : RiskLevel.MODERATE, (fleet ? "Reboots or shuts down every host in the inventory at once."
                        : "Reboots or shuts down the hosts of " + hosts + "."), c.span());
            }
        } else if (FLEET_SHELLS.contains(n)) {
            if (POWER_COMMAND.matcher(String.join(" ", c.argValues())).find()) {
                report(out, RiskLevel.HIGH, "Reboots or shuts down every host " + n + " reaches, all at once.", c.span());
            }
        } else if (n.equals("rtcwake")) {
            String mode = Args.value(c, "-m", "--mode").orElse("standby");
            if (mode.equals("off") || mode.equals("disk") || mode.equals("mem") || mode.equals("freeze")) {
                report(out, RiskLevel.MODERATE, (mode.equals("off") ? "Powers off " : "Suspends ") + where
                        + " until the wake-up time; nobody can reach it meanwhile.", c.span());
            }
        } else if (n.equals("init") || n.equals("telinit")) {
            List<Word> ops = Args.operands(c);
            if (!ops.isEmpty() && Set.of("0", "6", "1", "s", "S").contains(ops.get(0).value())) {
                String v = ops.get(0).value();
                report(out, RiskLevel.MODERATE, (v.equals("6") ? "Reboots " : v.equals("0") ? "Shuts down " : "Drops to single-user mode on ")
                        + where + ".", c.span());
            }
        } else if (n.equals("systemctl") || n.equals("loginctl")) {
            List<Word> ops = Args.operands(c, Set.of("-H", "--host", "-M", "--machine", "--message", "-i"));
            if (!ops.isEmpty() && SYSTEMCTL_POWER.contains(ops.get(0).value().toLowerCase(Locale.ROOT))) {
                long forces = c.argValues().stream().filter(v -> v.equals("--force") || v.equals("-f")).count()
                        + c.argValues().stream().filter(v -> v.equals("-ff")).count() * 2;
                report(out, forces > 0 ? RiskLevel.HIGH : RiskLevel.MODERATE, (ops.get(0).value().contains("reboot") ? "Reboots " : "Shuts down ")
                        + where + (forces > 0 ? " forcibly, without stopping services cleanly." : "."), c.span());
            }
        } else if (n.equals("stop-computer") || n.equals("restart-computer")) {
            boolean force = c.argValues().stream().anyMatch(v -> v.equalsIgnoreCase("-Force"));
            report(out, force ? RiskLevel.HIGH : RiskLevel.MODERATE, (n.startsWith("stop") ? "Shuts down " : "Restarts ")
                    + (Args.psValue(c, "ComputerName").map(w -> "the computer " + w.value()).orElse(where))
                    + (force ? " forcibly, closing programs without letting them save." : "."), c.span());
        } else if (n.equals("osascript")) {
            for (Word w : c.args()) {
                java.util.regex.Matcher m = APPLESCRIPT_POWER.matcher(w.value());
                if (m.find()) {
                    report(out, RiskLevel.MODERATE, (m.group(1).equalsIgnoreCase("restart") ? "Restarts " : "Shuts down ")
                            + "the Mac through AppleScript.", c.span());
                }
            }
        } else if (n.equals("psshutdown")) {
            report(out, RiskLevel.MODERATE, "Shuts down or restarts a Windows computer.", c.span());
        }
        return out;
    }

    private static boolean windowsStyle(SimpleCommand c) {
        for (Word w : c.args()) {
            if (w.value().startsWith("/") && w.value().length() <= 3) {
                return true;
            }
        }
        return false;
    }

    private void windows(SimpleCommand c, List<Finding> out) {
        List<String> a = c.argValues().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        if (a.contains("/a") || a.contains("/?")) {
            return;
        }
        if (a.contains("/s") || a.contains("/r") || a.contains("/p") || a.contains("/g") || a.contains("/sg")) {
            report(out, a.contains("/f") ? RiskLevel.HIGH : RiskLevel.MODERATE, (a.contains("/r") ? "Restarts" : "Shuts down")
                    + " Windows" + (a.contains("/f") ? ", force-closing applications." : "."), c.span());
        }
    }
}
