package dev.caro.core.plugin.fakes;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.shell.SimpleCommand;
import java.util.List;

/** Throws on every evaluation; its maximum is HIGH. */
public class ThrowingRule extends StarDeleteRule {

    @Override
    public String id() {
        return "fake.broken.throws";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.HIGH;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        throw new ArrayIndexOutOfBoundsException("Index 3 out of bounds for length 3");
    }
}
