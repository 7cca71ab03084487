package dev.caro.cli.plugintest;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.SimpleCommand;
import java.util.List;

/** A plugin safety rule, packed into a real plugin jar by the test. */
public final class NoCowsayRule implements SafetyRule {

    @Override
    public String id() { return "acme.no-cowsay"; }

    @Override
    public String summary() { return "cowsay"; }

    @Override
    public RiskLevel risk() { return RiskLevel.HIGH; }

    @Override
    public String explanation() { return "Cows are loud."; }

    @Override
    public RuleExamples examples() { return RuleExamples.of(List.of("cowsay moo"), List.of("echo cowsay")); }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        return command.name().equals("cowsay")
                ? List.of(new Finding(id(), RiskLevel.HIGH, "Runs cowsay.", command.span()))
                : List.of();
    }
}
