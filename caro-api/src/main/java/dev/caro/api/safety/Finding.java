package dev.caro.api.safety;

import dev.caro.api.Stable;
import dev.caro.api.shell.Span;
import java.util.Objects;

/**
 * One thing a rule found.
 *
 * @param ruleId the id of the rule that reported it
 * @param risk how dangerous this occurrence is (a rule may report less than its maximum, e.g.
 *     a recursive delete inside the working directory)
 * @param message what is dangerous here, user-facing, one sentence, naming the target
 *     ({@code "Recursively deletes the home directory /home/ana."})
 * @param span the part of the original command it points at
 */
@Stable(since = "1.0")
public record Finding(String ruleId, RiskLevel risk, String message, Span span) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(span, "span");
    }

    // equals and hashCode written out, as a record's own would behave: the generated ones link
    // through method handles on first use, which cost a tenth of a 'caro check' start.

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && ruleId.equals(f.ruleId) && risk == f.risk && message.equals(f.message)
                && span.equals(f.span);
    }

    @Override
    public int hashCode() {
        return ((ruleId.hashCode() * 31 + risk.hashCode()) * 31 + message.hashCode()) * 31 + span.hashCode();
    }
}
