package dev.caro.rules.network;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.rules.internal.BaseRule;
import dev.caro.rules.internal.LazyPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Taking the network down: interfaces down, default route deleted, addresses flushed, networking off. */
public final class NetworkDisconnectRule extends BaseRule {

    private static final LazyPattern LINK_DOWN = LazyPattern.of("(-\\S+\\s+)*l(ink)?\\s+(?:(set\\s+)?(dev\\s+)?\\S+\\s+.*\\bdown\\b.*|(del|delete)\\b.*)");
    private static final LazyPattern ROUTE_DEL = LazyPattern.of("(-\\S+\\s+)*r(o(ute)?)?\\s+(del|delete|flush)\\b.*");
    private static final LazyPattern ADDR_FLUSH = LazyPattern.of("(-\\S+\\s+)*a(ddr(ess)?)?\\s+flush\\b.*");
    private static final LazyPattern NMCLI_DOWN = LazyPattern.of("\\b(?:(?:d|dev|device)\\s+(?:disconnect|down|delete)|networking\\s+off|(?:c|con|connection)\\s+(?:down|delete))\\b");
    private static final LazyPattern RADIO_OFF = LazyPattern.of("\\bradio\\s+(all|wifi)\\s+off\\b");

    private static final java.util.Set<String> NAMES = java.util.Set.of("ip", "ifconfig", "ifdown", "route", "nmcli", "dhclient",
            "disable-netadapter", "networksetup", "tc");
    /** A traffic-control rule that loses every packet: {@code netem loss 100%}. */
    private static final LazyPattern TOTAL_LOSS = LazyPattern.of("\\bnetem\\b.*\\bloss\\s+(?:random\\s+)?100(?:\\.0+)?%");

    public NetworkDisconnectRule() {
        super("caro.network.disconnect", "Taking network interfaces or the default route down", RiskLevel.HIGH,
                "On a remote machine this cuts off your session and everyone else's, with no way back in. Schedule a"
                        + " rollback first (e.g. a delayed reboot), or use the console.",
                List.of("sudo ip link set eth0 down", "sudo ip route del default", "sudo nmcli device disconnect eth0",
                        "sudo ifconfig eth0 down", "nmcli networking off", "sudo ip addr flush dev eth0", "sudo ifdown eth0",
                        "sudo tc qdisc replace dev ens3 root netem loss 100%"),
                List.of("ip addr show", "ip route", "nmcli device status", "sudo ip link set eth0 up",
                        "sudo ip route add 10.0.0.0/8 via 192.168.1.1", "ifconfig -a",
                        "sudo tc qdisc add dev eth0 root netem delay 100ms loss 1%", "tc qdisc show dev eth0"));
    }

    @Override
    public Set<String> commandNames() {
        return NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        if (!NAMES.contains(n)) {
            return List.of();
        }
        List<String> a = c.argValues().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        String line = String.join(" ", a);
        List<Finding> out = new ArrayList<>();
        switch (n) {
            case "ip" -> {
                if (LINK_DOWN.matcher(line).matches()) {
                    report(out, RiskLevel.HIGH, "Takes a network interface down.", c.span());
                } else if (ROUTE_DEL.matcher(line).matches()
                        && (line.contains("default") || line.contains("flush") || line.contains("0.0.0.0/0"))) {
                    report(out, RiskLevel.HIGH, "Deletes the default route, cutting off outside connectivity.", c.span());
                } else if (ADDR_FLUSH.matcher(line).matches()) {
                    report(out, RiskLevel.HIGH, "Removes every address from the interface.", c.span());
                }
            }
            case "ifconfig" -> {
                if (a.contains("down")) {
                    report(out, RiskLevel.HIGH, "Takes the interface " + (a.isEmpty() ? "" : a.get(0)) + " down.", c.span());
                }
            }
            case "ifdown" -> report(out, RiskLevel.HIGH, "Takes the interface " + String.join(" ", a) + " down.", c.span());
            case "route" -> {
                if ((a.contains("del") || a.contains("delete")) && a.contains("default") || a.contains("flush")) {
                    report(out, RiskLevel.HIGH, "Deletes the default route.", c.span());
                }
            }
            case "nmcli" -> {
                if (NMCLI_DOWN.matcher(line).find()) {
                    report(out, RiskLevel.HIGH, "Disconnects the network (" + line + ").", c.span());
                } else if (RADIO_OFF.matcher(line).find()) {
                    report(out, RiskLevel.MODERATE, "Turns the radios off.", c.span());
                }
            }
            case "dhclient" -> {
                if (a.contains("-r") || a.contains("-x")) {
                    report(out, RiskLevel.HIGH, "Releases the DHCP lease, dropping the machine's address.", c.span());
                }
            }
            case "networksetup" -> {
                if (line.contains("-setairportpower") && line.endsWith(" off") || line.contains("-setnetworkserviceenabled") && line.endsWith(" off")) {
                    report(out, RiskLevel.MODERATE, "Turns a network service off.", c.span());
                }
            }
            case "disable-netadapter" -> report(out, RiskLevel.HIGH, "Disables a network adapter.", c.span());
            case "tc" -> {
                if ((line.contains("qdisc add") || line.contains("qdisc replace") || line.contains("qdisc change"))
                        && TOTAL_LOSS.matcher(line).find()) {
                    report(out, RiskLevel.HIGH, "Drops every packet on the interface, cutting the machine off the network.", c.span());
                }
            }
            default -> { }
        }
        return out;
    }
}
