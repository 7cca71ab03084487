package dev.caro.api.safety;

import dev.caro.api.Stable;
import java.util.List;

/**
 * A rule's own examples, checked whenever rules are tested (and by {@code caro plugins install}):
 * every {@code matches} command must make the rule report a finding, every {@code doesNotMatch}
 * command must not.
 *
 * @param matches commands the rule must flag; at least one
 * @param doesNotMatch harmless lookalikes the rule must leave alone; at least one
 */
@Stable(since = "1.0")
public record RuleExamples(List<String> matches, List<String> doesNotMatch) {

    public RuleExamples {
        matches = List.copyOf(matches);
        doesNotMatch = List.copyOf(doesNotMatch);
        if (matches.isEmpty() || doesNotMatch.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one matching and one non-matching example");
        }
    }

    public static RuleExamples of(List<String> matches, List<String> doesNotMatch) {
        return new RuleExamples(matches, doesNotMatch);
    }
}
