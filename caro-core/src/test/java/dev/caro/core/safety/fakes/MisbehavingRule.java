package dev.caro.core.safety.fakes;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
import java.util.List;

/** A rule that breaks its contract in a chosen way. */
public class MisbehavingRule implements SafetyRule {

    /** How the rule misbehaves. */
    public enum Fault { THROWS, RETURNS_NULL, STACK_OVERFLOW, SPAN_PAST_END, ID_THROWS }

    private final Fault fault;

    public MisbehavingRule(Fault fault) {
        this.fault = fault;
    }

    @Override
    public String id() {
        if (fault == Fault.ID_THROWS) {
            throw new IllegalStateException("no id");
        }
        return "test.misbehaving";
    }

    @Override
    public String summary() {
        return "Misbehaves";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.HIGH;
    }

    @Override
    public String explanation() {
        return "Breaks on purpose.";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(List.of("ls"), List.of("true"));
    }

    @Override
    public List<Finding> evaluate(ShellScript script, RuleContext context) {
        switch (fault) {
            case THROWS, ID_THROWS -> throw new IllegalArgumentException("bad input");
            case RETURNS_NULL -> {
                return null;
            }
            case STACK_OVERFLOW -> throw new StackOverflowError();
            default -> {
                return List.of(new Finding("test.misbehaving", RiskLevel.MODERATE, "Points too far.",
                        new Span(2, script.source().length() + 50)));
            }
        }
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        return List.of();
    }
}
