package dev.caro.rules.system;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.rules.internal.Args;
import dev.caro.rules.internal.BaseRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Setting the system clock by hand: timedatectl set-time, date -s, hwclock --set, Set-Date. A clock
 * far off breaks TLS certificate checks, Kerberos, TOTP codes, make and scheduled jobs.
 */
public final class ClockChangeRule extends BaseRule {

    private static final Set<String> COMMAND_NAMES = Set.of("timedatectl", "date", "gdate", "hwclock", "set-date");

    public ClockChangeRule() {
        super("caro.system.clock-change", "Setting the system clock by hand", RiskLevel.MODERATE,
                "A wrong clock makes certificates look expired or not yet valid, and breaks logins, builds and timers."
                        + " Let NTP keep time (timedatectl set-ntp true); to test a date, use faketime for one program.",
                List.of("sudo timedatectl set-time '2015-01-01 00:00:00'", "sudo date -s '2030-06-01 12:00'",
                        "sudo hwclock --set --date '2001-01-01'", "Set-Date -Date '2020-01-01'", "sudo date --set=@0"),
                List.of("timedatectl", "date -s", "date +%s", "date -d '2015-01-01' +%s", "timedatectl set-ntp true",
                        "sudo hwclock --systohc", "Get-Date"));
    }

    @Override
    public Set<String> commandNames() {
        return COMMAND_NAMES;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) {
        String n = name(c);
        List<Finding> out = new ArrayList<>();
        boolean sets = switch (n) {
            case "timedatectl" -> c.hasArg("set-time");
            case "date", "gdate" -> Args.value(c, "-s", "--set").isPresent();
            case "hwclock" -> c.hasArg("--set");
            case "set-date" -> !c.args().isEmpty();
            default -> false;
        };
        if (sets) {
            report(out, RiskLevel.MODERATE, "Sets the system clock by hand; certificates, logins and timers depend on it.", c.span());
        }
        return out;
    }
}
