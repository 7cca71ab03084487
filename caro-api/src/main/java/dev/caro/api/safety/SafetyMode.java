package dev.caro.api.safety;

import dev.caro.api.Stable;
import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * How cautious caro is. Each mode maps a risk level to a {@link Decision}:
 *
 * <pre>
 *              SAFE    MODERATE  HIGH     CRITICAL
 * strict       allow   confirm   block    block
 * moderate     allow   allow     confirm  confirm (typed "yes")
 * permissive   allow   allow     allow    confirm (typed "yes")
 * </pre>
 *
 * CRITICAL is never run without a typed confirmation, in any mode, and {@code --yes} does not
 * stand in for it.
 */
@Stable(since = "1.0")
public enum SafetyMode {
    STRICT(Decision.ALLOW, Decision.CONFIRM, Decision.BLOCK, Decision.BLOCK),
    MODERATE(Decision.ALLOW, Decision.ALLOW, Decision.CONFIRM, Decision.CONFIRM_TYPED),
    PERMISSIVE(Decision.ALLOW, Decision.ALLOW, Decision.ALLOW, Decision.CONFIRM_TYPED);

    private final Decision[] byRisk;

    SafetyMode(Decision safe, Decision moderate, Decision high, Decision critical) {
        this.byRisk = new Decision[] {safe, moderate, high, critical};
    }

    /** What this mode does with a command of {@code risk}. */
    public Decision decide(RiskLevel risk) {
        return byRisk[risk.ordinal()];
    }

    /** Lower-case name, as used on the command line and in config. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code strict}, {@code moderate} or {@code permissive}, any case. */
    public static Optional<SafetyMode> parse(String s) {
        String name = s == null ? "" : s.strip();
        for (SafetyMode m : values()) { // a loop, not a stream: this runs at every start
            if (m.name().equalsIgnoreCase(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** {@code strict, moderate, permissive}. */
    public static String names() {
        StringJoiner out = new StringJoiner(", ");
        for (SafetyMode m : values()) {
            out.add(m.id());
        }
        return out.toString();
    }
}
