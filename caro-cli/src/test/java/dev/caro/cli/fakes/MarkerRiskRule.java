package dev.caro.cli.fakes;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A test rule: an argument containing {@code caro-test-moderate}, {@code -high} or {@code -critical}
 * gets that risk. It lets CLI tests exercise every safety decision with harmless commands such as
 * {@code touch /tmp/x-caro-test-critical}, whose marker file proves whether anything ran.
 */
public final class MarkerRiskRule implements SafetyRule {

    @Override
    public String id() { return "test.marker-risk"; }

    @Override
    public String summary() { return "Arguments that name a test risk level"; }

    @Override
    public RiskLevel risk() { return RiskLevel.CRITICAL; }

    @Override
    public String explanation() { return "Test rule."; }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(List.of("touch caro-test-high"), List.of("touch caro-test"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (Word w : command.args()) {
            for (RiskLevel level : List.of(RiskLevel.MODERATE, RiskLevel.HIGH, RiskLevel.CRITICAL)) {
                if (w.value().contains("caro-test-" + level.name().toLowerCase(Locale.ROOT))) {
                    out.add(new Finding(id(), level, "Marked " + level + " by the test.", w.span()));
                }
            }
        }
        return out;
    }
}
