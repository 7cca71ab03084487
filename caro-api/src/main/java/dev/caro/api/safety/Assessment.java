package dev.caro.api.safety;

import dev.caro.api.Stable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The verdict on one command: the overall risk (the highest finding, or SAFE) and every finding,
 * highest risk first.
 *
 * @param command the command judged, as given
 * @param risk the overall risk
 * @param findings what the rules found, highest risk first; empty for a safe command
 * @param parsed whether the command could be parsed; unparseable input is at least HIGH
 */
@Stable(since = "1.0")
public record Assessment(String command, RiskLevel risk, List<Finding> findings, boolean parsed) {

    /** A class rather than a lambda: linking a lambda costs every start of the command line. */
    private static final Comparator<Finding> HIGHEST_RISK_FIRST = new Comparator<>() {
        @Override
        public int compare(Finding a, Finding b) {
            return b.risk().compareTo(a.risk());
        }
    };

    public Assessment {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(risk, "risk");
        if (findings == null) {
            findings = List.of();
        } else {
            List<Finding> sorted = new ArrayList<>(findings);
            sorted.sort(HIGHEST_RISK_FIRST); // stable: equal risks keep their order
            findings = Collections.unmodifiableList(sorted);
        }
        for (Finding f : findings) {
            if (f.risk().compareTo(risk) > 0) {
                throw new IllegalArgumentException("finding " + f.ruleId() + " is " + f.risk()
                        + " but the overall risk is only " + risk);
            }
        }
    }

    /** Builds an assessment whose risk is the highest of the findings. */
    public static Assessment of(String command, List<Finding> findings, boolean parsed) {
        RiskLevel risk = RiskLevel.SAFE;
        for (Finding f : findings) {
            risk = RiskLevel.max(risk, f.risk());
        }
        return new Assessment(command, risk, findings, parsed);
    }
}
