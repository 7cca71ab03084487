package dev.caro.rules.internal;

import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.api.shell.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Holds a rule's metadata and caps every finding at the rule's maximum risk. A cloud or cluster CLI
 * asked only for help or a dry run ({@link HelpOrDryRun}) is judged by no built-in rule.
 */
public abstract class BaseRule implements SafetyRule {

    private final String id;
    private final String summary;
    private final RiskLevel risk;
    private final String explanation;
    private final RuleExamples examples;

    protected BaseRule(String id, String summary, RiskLevel risk, String explanation,
            List<String> matches, List<String> doesNotMatch) {
        this.id = Objects.requireNonNull(id);
        this.summary = Objects.requireNonNull(summary);
        this.risk = Objects.requireNonNull(risk);
        this.explanation = Objects.requireNonNull(explanation);
        this.examples = RuleExamples.of(matches, doesNotMatch);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final RiskLevel risk() {
        return risk;
    }

    @Override
    public final String explanation() {
        return explanation;
    }

    @Override
    public final RuleExamples examples() {
        return examples;
    }

    /** Every simple command except a cloud or cluster CLI asked only for help or a dry run, which changes nothing. */
    @Override
    public List<Finding> evaluate(ShellScript script, RuleContext context) {
        List<Finding> out = new ArrayList<>();
        for (SimpleCommand c : script.commands()) {
            if (!HelpOrDryRun.of(c)) {
                out.addAll(evaluate(c, context));
            }
        }
        return out;
    }

    /** Adds a finding unless {@code level} is SAFE; the level is capped at {@link #risk()}. */
    protected final void report(List<Finding> out, RiskLevel level, String message, Span span) {
        if (level == null || level == RiskLevel.SAFE) {
            return;
        }
        RiskLevel capped = level.compareTo(risk) > 0 ? risk : level;
        out.add(new Finding(id, capped, message, span));
    }

    /** The command name in lower case, without a Windows {@code .exe} suffix. */
    protected static String name(SimpleCommand c) {
        return Names.of(c);
    }

    /** Lower case in the root locale. */
    protected static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id;
    }
}
