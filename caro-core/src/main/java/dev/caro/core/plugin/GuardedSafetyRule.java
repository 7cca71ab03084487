package dev.caro.core.plugin;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
import java.util.List;

/**
 * A plugin's safety rule, failing closed: when plugin code throws (or breaks the contract by
 * returning null or a finding above its maximum), the command is judged as if the rule had
 * matched at its maximum risk.
 */
final class GuardedSafetyRule implements SafetyRule {

    private final SafetyRule delegate;
    private final PluginOrigin origin;
    private final String id;
    private final String summary;
    private final RiskLevel risk;
    private final String explanation;
    private final RuleExamples examples;

    GuardedSafetyRule(SafetyRule delegate, PluginOrigin origin, String id) {
        this.delegate = delegate;
        this.origin = origin;
        this.id = id;
        this.summary = String.valueOf(delegate.summary());
        RiskLevel r = delegate.risk();
        if (r == null) {
            throw new IllegalStateException("risk() returned null");
        }
        this.risk = r;
        this.explanation = String.valueOf(delegate.explanation());
        this.examples = delegate.examples();
        if (examples == null) {
            throw new IllegalStateException("examples() returned null");
        }
    }

    SafetyRule delegate() {
        return delegate;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public RiskLevel risk() {
        return risk;
    }

    @Override
    public String explanation() {
        return explanation;
    }

    @Override
    public RuleExamples examples() {
        return examples;
    }

    @Override
    public List<Finding> evaluate(SimpleCommand command, RuleContext context) {
        try (ContextLoader c = ContextLoader.of(delegate)) {
            return checked(delegate.evaluate(command, context), command.span());
        } catch (Throwable t) {
            return failClosed(t, command.span());
        }
    }

    @Override
    public List<Finding> evaluate(ShellScript script, RuleContext context) {
        Span all = new Span(0, script.source().length());
        try (ContextLoader c = ContextLoader.of(delegate)) {
            return checked(delegate.evaluate(script, context), all);
        } catch (Throwable t) {
            return failClosed(t, all);
        }
    }

    private List<Finding> checked(List<Finding> findings, Span span) {
        if (findings == null) {
            return failClosed(new NullPointerException("evaluate() returned null"), span);
        }
        for (Finding f : findings) {
            if (f == null || f.risk().compareTo(risk) > 0) {
                return failClosed(new IllegalStateException(f == null ? "a null finding"
                        : "a " + f.risk().id() + " finding above its maximum " + risk.id()), span);
            }
        }
        return List.copyOf(findings);
    }

    private List<Finding> failClosed(Throwable t, Span span) {
        String message = "Safety rule '" + id + "' from plugin '" + origin.pluginId() + "' failed ("
                + ProblemLog.describe(t) + "); judged as if it matched.";
        origin.callFailed("rule:" + id, message + " Update or remove the plugin: caro plugins remove "
                + origin.pluginId());
        return List.of(new Finding(id, risk, message, span));
    }
}
