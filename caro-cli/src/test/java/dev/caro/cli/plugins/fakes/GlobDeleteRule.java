package dev.caro.cli.plugins.fakes;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.List;

/** Flags rm with a glob argument; its examples hold. */
public class GlobDeleteRule implements SafetyRule {

    @Override
    public String id() {
        return "acme.fs.glob-delete";
    }

    @Override
    public String summary() {
        return "Deletes by glob";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.MODERATE;
    }

    @Override
    public String explanation() {
        return "A glob can match more than you think.";
    }

    @Override
    public RuleExamples examples() {
        return RuleExamples.of(List.of("rm *.log"), List.of("rm a.log"));
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        if (command.name().equals("rm")) {
            for (Word w : command.args()) {
                if (w.glob()) {
                    return List.of(new Finding(id(), RiskLevel.MODERATE, "Deletes by glob.", w.span()));
                }
            }
        }
        return List.of();
    }
}
