package dev.caro.api.safety;

import dev.caro.api.Stable;
import java.util.Locale;
import java.util.Optional;

/** How dangerous a command is, ordered: SAFE &lt; MODERATE &lt; HIGH &lt; CRITICAL. */
@Stable(since = "1.0")
public enum RiskLevel {
    /** Reads, or changes only what the user plainly asked for inside their work area. */
    SAFE,
    /** Changes state in a way that is usually intended but worth a look (reboot, chmod outside cwd). */
    MODERATE,
    /** Can destroy data or access that is hard to get back (git reset --hard, DROP TABLE, dd to a file). */
    HIGH,
    /** Can destroy a system, a home directory or a disk, or hands the machine to someone else. */
    CRITICAL;

    /** Whether this level is at least {@code other}. */
    public boolean atLeast(RiskLevel other) {
        return compareTo(other) >= 0;
    }

    /** The higher of the two. */
    public static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Lower-case name, as used in config and JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code safe}, {@code MODERATE}, ...; empty when unknown. */
    public static Optional<RiskLevel> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (RiskLevel r : values()) {
            if (r.name().equalsIgnoreCase(s.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
