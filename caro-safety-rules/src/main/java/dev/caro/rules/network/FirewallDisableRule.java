package dev.caro.rules.network;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Flushing or disabling the firewall, or a default-DROP policy that locks remote sessions out. */
public final class FirewallDisableRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("iptables*", "ip6tables*", "nft", "ufw", "firewall-cmd", "systemctl", "service",
            "set-netfirewallprofile", "netsh", "csrutil", "spctl", "setenforce", "sysctl", "pfctl", "net", "sc", "stop-service",
            "set-service", "spsv", "add-mppreference", "set-mppreference", "socketfilterfw", "launchctl");

    private static final Set<String> IPTABLES = Set.of("iptables", "ip6tables", "iptables-legacy", "iptables-nft", "ip6tables-legacy",
            "ip6tables-nft", "ebtables", "arptables");
    private static final Set<String> FIREWALL_UNITS = Set.of("ufw", "firewalld", "nftables", "iptables", "netfilter-persistent",
            "ip6tables", "pf", "shorewall", "csf", "fail2ban", "apparmor", "auditd", "clamav-daemon", "falcon-sensor", "crowdstrike",
            "rsyslog", "syslog-ng", "systemd-journald");

    /** An nftables input chain whose default policy drops: "hook input priority 0; policy drop;". */
    private static final LazyPattern NFT_INPUT_DROP = LazyPattern.of("hook\\s++input\\b[^}]*?policy\\s++drop");
    /** An nftables rule anywhere on the line that lets SSH in. */
    private static final LazyPattern NFT_SSH_ACCEPT = LazyPattern.of("dport\\s++(?:\\{[^}]*+)?\\b(?:22|ssh)\\b[^;&|]*?accept");
    private static final Set<String> NARROWING = Set.of("-p", "--protocol", "-s", "--source", "-d", "--destination", "--dport",
            "--sport", "-i", "--in-interface", "-m", "--match", "--src-range", "--dports", "-o");
    private static final Set<String> WINDOWS_SECURITY = Set.of("windefend", "mpssvc", "wscsvc", "sense", "eventlog", "bfe", "wdnissvc");
    private static final LazyPattern DRIVE_EXCLUSION = LazyPattern.of(
            "-exclusionpath\\s+[\"']?[a-z]:\\\\?[\"']?(?:\\s|$)");

    public FirewallDisableRule() {
        super("caro.network.firewall-flush", "Flushing or disabling the firewall, or locking out remote access", RiskLevel.HIGH,
                "Without the firewall every listening service is exposed; a DROP policy after a flush cuts off your"
                        + " own SSH session. Change single rules, and keep a timed rollback (e.g. iptables-apply).",
                List.of("sudo iptables -F", "sudo iptables -P INPUT DROP", "nohup sudo nft flush ruleset >/dev/null 2>&1 &",
                        "sudo ufw disable", "sudo ufw --force reset", "sudo systemctl stop firewalld",
                        "Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False", "netsh advfirewall set allprofiles state off",
                        "sudo firewall-cmd --panic-on", "sudo iptables -I INPUT 1 -p tcp --dport ssh -j REJECT",
                        "sudo ip6tables -A INPUT -p tcp -m multiport --dports 80,443,22 -j DROP", "sudo ufw deny 22/tcp",
                        "sudo firewall-cmd --zone=public --add-port=1024-65535/tcp",
                        "sudo sysctl -w kernel.randomize_va_space=0",
                        "sudo ufw default deny incoming && sudo ufw --force enable", "sudo firewall-cmd --set-default-zone=drop",
                        "sudo nft add chain inet filter input '{ type filter hook input priority 0; policy drop; }'",
                        "sudo /usr/libexec/ApplicationFirewall/socketfilterfw --setglobalstate off",
                        "sudo launchctl unload /System/Library/LaunchDaemons/com.apple.alf.agent.plist"),
                List.of("sudo iptables -L -n -v", "sudo iptables-save | grep -c '^-A'", "sudo ufw show added", "sudo ufw allow 22/tcp",
                        "sudo iptables -A INPUT -p tcp --dport 443 -j ACCEPT",
                        "sudo iptables -A INPUT -s 198.51.100.0/24 -p tcp --dport 22 -j DROP", "sudo iptables -A INPUT -p tcp --dport 22 -j ACCEPT", "sudo nft list ruleset", "sudo ufw enable",
                        "sudo ufw allow OpenSSH && sudo ufw default deny incoming && sudo ufw --force enable",
                        "sudo ufw default deny incoming", "sudo firewall-cmd --get-default-zone",
                        "sudo /usr/libexec/ApplicationFirewall/socketfilterfw --getglobalstate", "launchctl list com.apple.alf"));
    }

    /** An iptables rule for SSH's port (22 or "ssh", alone or in a --dports list) from any source. */
    private static boolean blocksSsh(List<String> a) {
        boolean ssh = false;
        for (int i = 0; i + 1 < a.size(); i++) {
            String v = a.get(i);
            if (v.equals("-s") || v.equals("--source") || v.equals("--src-range")) {
                String src = a.get(i + 1);
                if (!src.equals("0.0.0.0/0") && !src.equals("::/0")) {
                    return false; // one network kept out, not everyone
                }
            }
            if (v.equals("--dport") || v.equals("--destination-port") || v.equals("--dports")) {
                for (String port : a.get(i + 1).split(",")) {
                    ssh |= port.equals("22") || port.equalsIgnoreCase("ssh") || port.matches("\\d+:\\d+") && covers(port, 22);
                }
            }
        }
        return ssh;
    }

    /** A port range of a thousand ports or more ("1-65535/tcp", "1024-65535"). */
    private static boolean wideRange(String spec) {
        String ports = spec.contains("/") ? spec.substring(0, spec.indexOf('/')) : spec;
        String[] ends = ports.split("[-:]");
        return ends.length == 2 && ends[0].matches("\\d{1,5}") && ends[1].matches("\\d{1,5}")
                && Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) >= 1000;
    }

    private static boolean covers(String range, int port) {
        String[] ends = range.split(":");
        return Integer.parseInt(ends[0]) <= port && port <= Integer.parseInt(ends[1]);
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    /**
     * Adds what only the whole line shows: ufw switched on with incoming traffic denied by default
     * and no rule that lets SSH in, which drops the session that ran it on a remote machine.
     */
    @Override
    public List<Finding> evaluate(ShellScript script, RuleContext ctx) {
        List<Finding> out = new ArrayList<>();
        SimpleCommand enable = null;
        boolean denyIncoming = false;
        boolean sshAllowed = false;
        for (SimpleCommand c : script.commands()) {
            out.addAll(evaluate(c, ctx));
            if (!name(c).equals("ufw")) {
                continue;
            }
            List<String> ops = Args.operands(c).stream().map(w -> w.value().toLowerCase(Locale.ROOT)).toList();
            String verb = ops.isEmpty() ? "" : ops.get(0);
            if (verb.equals("enable")) {
                enable = c;
            } else if (verb.equals("default") && ops.size() > 1 && (ops.get(1).equals("deny") || ops.get(1).equals("reject"))
                    && (ops.size() < 3 || ops.get(2).startsWith("in"))) {
                denyIncoming = true;
            } else if ((verb.equals("allow") || verb.equals("limit")) && ops.stream().anyMatch(FirewallDisableRule::sshPort)) {
                sshAllowed = true;
            }
        }
        if (enable != null && denyIncoming && !sshAllowed) {
            report(out, RiskLevel.HIGH, "Turns on ufw denying all incoming traffic with no rule for SSH, which cuts off"
                    + " a remote session; run 'ufw allow OpenSSH' first.", enable.span());
        }
        return out;
    }

    /** An SSH port spec as ufw takes it: 22, 22/tcp, ssh, OpenSSH, or a port number after "port". */
    private static boolean sshPort(String v) {
        return v.equals("22") || v.startsWith("22/") || v.equals("ssh") || v.startsWith("ssh/") || v.equals("openssh")
                || v.contains("openssh");
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        List<String> a = c.argValues();
        if (IPTABLES.contains(n)) {
            if (Args.has(c, "FX", "--flush", "--delete-chain") || a.stream().anyMatch(v -> v.startsWith("-F") || v.startsWith("-X"))) {
                report(out, RiskLevel.HIGH, "Flushes the " + n + " rules, removing the firewall's protection.", c.span());
            }
            for (int i = 0; i + 2 < a.size(); i++) {
                if ((a.get(i).equals("-P") || a.get(i).equals("--policy"))
                        && (a.get(i + 2).equalsIgnoreCase("DROP") || a.get(i + 2).equalsIgnoreCase("REJECT"))
                        && (a.get(i + 1).equalsIgnoreCase("INPUT") || a.get(i + 1).equalsIgnoreCase("OUTPUT"))) {
                    report(out, RiskLevel.HIGH, "Sets the default " + a.get(i + 1) + " policy to " + a.get(i + 2)
                            + ", which can cut off remote sessions.", c.span());
                }
            }
            boolean insert = a.contains("-I") || a.contains("--insert");
            boolean chainIn = a.contains("INPUT");
            boolean drop = a.contains("DROP") || a.contains("REJECT");
            boolean narrowed = a.stream().anyMatch(v -> NARROWING.contains(v));
            if (insert && chainIn && drop && !narrowed) {
                report(out, RiskLevel.HIGH, "Drops all incoming traffic, including your own SSH session.", c.span());
            } else if ((insert || a.contains("-A") || a.contains("--append")) && chainIn && drop && blocksSsh(a)) {
                report(out, RiskLevel.HIGH, "Drops incoming SSH from everywhere, which locks you out of a remote machine.", c.span());
            }
        } else if (n.equals("nft")) {
            String line = String.join(" ", a).toLowerCase(Locale.ROOT);
            if (line.contains("flush ruleset") || line.startsWith("flush table") || line.startsWith("delete table")
                    || line.contains("flush chain")) {
                report(out, RiskLevel.HIGH, "Removes nftables firewall rules (" + line + ").", c.span());
            } else if (NFT_INPUT_DROP.matcher(line).find() && !NFT_SSH_ACCEPT.matcher(ctx.script().source()).find()) {
                report(out, RiskLevel.HIGH, "Makes the input chain drop everything by default, SSH included, which cuts off"
                        + " remote sessions.", c.span());
            }
        } else if (n.equals("ufw")) {
            List<Word> ops = Args.operands(c);
            String verb = ops.isEmpty() ? "" : ops.get(0).value();
            if (verb.equals("disable")) {
                report(out, RiskLevel.MODERATE, "Turns the host firewall off.", c.span());
            } else if (verb.equals("deny") || verb.equals("reject")) {
                String target = ops.size() > 1 ? ops.get(ops.size() - 1).value() : "";
                if (target.equals("ssh") || target.equals("22") || target.startsWith("22/") || target.equals("OpenSSH")) {
                    report(out, RiskLevel.HIGH, "Blocks SSH, which can lock you out of a remote machine.", c.span());
                }
            } else if (verb.equals("reset")) {
                report(out, RiskLevel.MODERATE, "Resets the firewall, deleting every rule and disabling it.", c.span());
            } else if (verb.equals("default") && ops.size() > 1 && ops.get(1).value().equals("allow")
                    && (ops.size() < 3 || ops.get(2).value().equals("incoming"))) {
                report(out, RiskLevel.MODERATE, "Allows all incoming traffic by default.", c.span());
            } else if (verb.equals("default") && ops.size() > 2 && !ops.get(1).value().equals("allow")
                    && ops.get(2).value().startsWith("out")) {
                report(out, RiskLevel.MODERATE, "Blocks all outgoing traffic by default, cutting the machine off from updates and DNS.", c.span());
            }
        } else if (n.equals("firewall-cmd")) {
            if (c.hasArg("--panic-on")) {
                report(out, RiskLevel.HIGH, "Drops all network traffic, including your own session.", c.span());
            } else if (a.stream().anyMatch(v -> v.equals("--set-default-zone=drop") || v.equals("--set-default-zone=block"))) {
                report(out, RiskLevel.HIGH, "Makes drop/block the default zone, which lets no SSH in and cuts off remote sessions.", c.span());
            } else if (a.stream().anyMatch(v -> v.equals("--remove-service=ssh") || v.equals("--remove-port=22/tcp"))) {
                report(out, RiskLevel.HIGH, "Removes SSH from the firewall zone, which locks you out of a remote machine.", c.span());
            } else if (a.stream().anyMatch(v -> v.startsWith("--set-default-zone=trusted") || v.equals("--add-source=0.0.0.0/0"))) {
                report(out, RiskLevel.MODERATE, "Trusts all traffic in the firewall.", c.span());
            } else if (a.stream().anyMatch(v -> v.startsWith("--add-port=") && wideRange(v.substring("--add-port=".length())))) {
                report(out, RiskLevel.MODERATE, "Opens thousands of ports at once, every service listening on them included.", c.span());
            }
        } else if (n.equals("systemctl") || n.equals("service")) {
            boolean stop = a.contains("stop") || a.contains("disable") || a.contains("mask");
            for (String v : a) {
                if (stop && FIREWALL_UNITS.contains(v.replace(".service", ""))) {
                    report(out, RiskLevel.MODERATE, "Stops the firewall service " + v + ".", c.span());
                }
            }
        } else if (n.equals("set-netfirewallprofile")) {
            if (Args.psValue(c, "Enabled").map(w -> w.value().toLowerCase(Locale.ROOT)).filter(v -> v.contains("false")).isPresent()) {
                report(out, RiskLevel.MODERATE, "Disables the Windows firewall.", c.span());
            }
        } else if (n.equals("netsh")) {
            String line = String.join(" ", a).toLowerCase(Locale.ROOT);
            if (line.contains("advfirewall") && (line.contains("state off") || line.contains("reset"))
                    || line.contains("firewall set opmode disable")) {
                report(out, RiskLevel.MODERATE, "Disables the Windows firewall.", c.span());
            }
        } else if (n.equals("csrutil") && c.hasArg("disable")) {
            report(out, RiskLevel.HIGH, "Turns off macOS System Integrity Protection.", c.span());
        } else if (n.equals("spctl") && (c.hasArg("--master-disable") || c.hasArg("--global-disable"))) {
            report(out, RiskLevel.MODERATE, "Turns off Gatekeeper, so unsigned apps run without a check.", c.span());
        } else if (n.equals("sysctl") && a.stream().anyMatch(v -> v.replace(" ", "").equals("kernel.randomize_va_space=0"))) {
            report(out, RiskLevel.MODERATE, "Turns off address space layout randomisation, a defence against memory exploits.", c.span());
        } else if (n.equals("setenforce") && (a.contains("0") || a.stream().anyMatch(v -> v.equalsIgnoreCase("permissive")))) {
            report(out, RiskLevel.MODERATE, "Switches SELinux to permissive, turning its protection off.", c.span());
        } else if (n.equals("pfctl") && c.hasArg("-d")) {
            report(out, RiskLevel.MODERATE, "Disables the pf firewall.", c.span());
        } else if (n.equals("socketfilterfw") && a.indexOf("--setglobalstate") >= 0 && a.indexOf("--setglobalstate") + 1 < a.size()
                && a.get(a.indexOf("--setglobalstate") + 1).equalsIgnoreCase("off")) {
            report(out, RiskLevel.MODERATE, "Turns off the macOS application firewall.", c.span());
        } else if (n.equals("launchctl") && a.size() >= 2 && Set.of("bootout", "unload", "disable", "stop", "remove").contains(a.get(0))
                && a.stream().anyMatch(v -> v.contains("com.apple.alf"))) {
            report(out, RiskLevel.MODERATE, "Stops the macOS application firewall.", c.span());
        } else if ((n.equals("net") || n.equals("sc") || n.equals("stop-service") || n.equals("set-service") || n.equals("spsv"))
                && a.stream().anyMatch(v -> WINDOWS_SECURITY.contains(v.toLowerCase(Locale.ROOT)))
                && (n.equals("stop-service") || n.equals("spsv") || a.stream().anyMatch(v -> v.equalsIgnoreCase("stop")
                        || v.equalsIgnoreCase("config") || v.equalsIgnoreCase("delete") || v.equalsIgnoreCase("disabled")))) {
            report(out, RiskLevel.HIGH, "Stops or disables a Windows security service.", c.span());
        } else if (n.equals("add-mppreference") && DRIVE_EXCLUSION.matcher(String.join(" ", a).toLowerCase(Locale.ROOT)).find()) {
            report(out, RiskLevel.HIGH, "Excludes a whole drive from Windows Defender scanning.", c.span());
        } else if (n.equals("set-mppreference") && String.join(" ", a).toLowerCase(Locale.ROOT).contains("-disablerealtimemonitoring")) {
            report(out, RiskLevel.HIGH, "Turns off Windows Defender real-time protection.", c.span());
        }
        return out;
    }
}
