package dev.caro.testkit.fakes;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.SimpleCommand;
import java.util.List;

/** A rule that throws on every command. */
public class CrashingRule implements SafetyRule {

    @Override
    public String id() {
        return "acme.crashing";
    }

    @Override
    public String summary() {
        return "Crashes";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.HIGH;
    }

    @Override
    public String explanation() {
        return "Always throws.";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(List.of("ls"), List.of("pwd"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        throw new IllegalStateException("boom");
    }
}
