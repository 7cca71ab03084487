package dev.caro.testkit.fakes;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small well-behaved rule: flags {@code rm} of the root directory. Its id, examples, risk and
 * declared command names are constructor arguments so tests can break one thing at a time.
 */
public class RootDeleteRule implements SafetyRule {

    private final String id;
    private final RiskLevel reported;
    private final RuleExamples examples;
    private final Set<String> commandNames;

    public RootDeleteRule() {
        this("acme.fs.root-delete", RiskLevel.CRITICAL,
                RuleExamples.of(List.of("rm -rf /", "sudo bash -c 'rm -rf /'"), List.of("echo rm -rf /", "rm -rf ./build")));
    }

    public RootDeleteRule(String id, RiskLevel reported, RuleExamples examples) {
        this(id, reported, examples, Set.of("rm"));
    }

    public RootDeleteRule(String id, RiskLevel reported, RuleExamples examples, Set<String> commandNames) {
        this.id = id;
        this.reported = reported;
        this.examples = examples;
        this.commandNames = commandNames;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String summary() {
        return "Deleting the root directory";
    }

    @Override
    public RiskLevel risk() {
        return RiskLevel.CRITICAL;
    }

    @Override
    public String explanation() {
        return "Deleting / destroys the system.";
    }

    @Override
    public RuleExamples examples() {
        return examples;
    }

    @Override
    public Set<String> commandNames() {
        return commandNames;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        List<Finding> out = new ArrayList<>();
        if (!command.name().equals("rm")) {
            return out;
        }
        for (Word w : command.args()) {
            if (context.classify(command, w) == PathKind.ROOT) {
                out.add(new Finding(id, reported, "Deletes the root directory.", w.span()));
            }
        }
        return out;
    }
}
