package dev.caro.rules.internal;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.PathKind;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Word;
import dev.caro.rules.BuiltinRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Judges a piece of command text that a command carries (a decoded payload, a container's
 * command) with every built-in rule, in the caller's context. A rule that fails counts at its
 * own maximum risk, as the engine counts it.
 */
public final class NestedJudge {

    private NestedJudge() {}

    /** The findings of every built-in rule except {@code skipRuleId} on {@code text}, highest first. */
    public static List<Finding> findings(String text, RuleContext ctx, String skipRuleId) {
        ShellScript s;
        try {
            s = ctx.parse(text);
        } catch (RuntimeException e) {
            return List.of();
        }
        RuleContext inner = new Inner(ctx, s);
        List<Finding> out = new ArrayList<>();
        for (SafetyRule rule : BuiltinRules.all()) {
            if (rule.id().equals(skipRuleId)) {
                continue;
            }
            try {
                out.addAll(rule.evaluate(s, inner));
            } catch (RuntimeException e) {
                out.add(new Finding(rule.id(), rule.risk(), "Safety rule " + rule.id() + " failed on the nested command.",
                        new dev.caro.api.shell.Span(0, 0)));
            }
        }
        out.sort(Comparator.comparing(Finding::risk).reversed());
        return out;
    }

    /** The highest risk among {@code findings}, SAFE when there is none. */
    public static RiskLevel max(List<Finding> findings) {
        RiskLevel max = RiskLevel.SAFE;
        for (Finding f : findings) {
            max = RiskLevel.max(max, f.risk());
        }
        return max;
    }

    /** The caller's context, but for the nested script. */
    private record Inner(RuleContext outer, ShellScript script) implements RuleContext {
        @Override
        public ExecutionContext execution() {
            return outer.execution();
        }

        @Override
        public PathKind classify(SimpleCommand command, Word path) {
            return outer.classify(command, path);
        }

        @Override
        public PathKind classify(String path) {
            return outer.classify(path);
        }

        @Override
        public ShellScript parse(String text) {
            return outer.parse(text);
        }
    }
}
