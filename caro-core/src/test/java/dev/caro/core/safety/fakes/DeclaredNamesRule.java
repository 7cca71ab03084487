package dev.caro.core.safety.fakes;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.SimpleCommand;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Declares {@code commandNames} but reports every command it is shown, so a test sees exactly
 * which command lines the engine hands it.
 */
public class DeclaredNamesRule implements SafetyRule {

    private final String id;
    private final Supplier<Set<String>> names;

    public DeclaredNamesRule(String id, Supplier<Set<String>> names) {
        this.id = id;
        this.names = names;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String summary() {
        return "Shown commands";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.MODERATE;
    }

    @Override
    public String explanation() {
        return "Reports what it is shown.";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(List.of("git status"), List.of());
    }

    @Override
    public Set<String> commandNames() {
        return names.get();
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        return List.of(new Finding(id, RiskLevel.MODERATE, "Shown " + command.name() + ".", command.span()));
    }
}
