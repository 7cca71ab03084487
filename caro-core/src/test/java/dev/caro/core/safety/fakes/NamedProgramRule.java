package dev.caro.core.safety.fakes;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.SimpleCommand;
import java.util.List;

/** Flags every command running {@code program}, at {@code risk}. */
public class NamedProgramRule implements SafetyRule {

    private final String id;
    private final String program;
    private final RiskLevel risk;

    public NamedProgramRule(String id, String program, RiskLevel risk) {
        this.id = id;
        this.program = program;
        this.risk = risk;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String summary() {
        return "Runs " + program;
    }

    @Override
    public RiskLevel risk() {
        return risk;
    }

    @Override
    public String explanation() {
        return program + " is flagged in tests.";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(List.of(program), List.of("true"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        if (!command.name().equals(program)) {
            return List.of();
        }
        return List.of(new Finding(id, risk, "Runs " + program + ".", command.span()));
    }
}
