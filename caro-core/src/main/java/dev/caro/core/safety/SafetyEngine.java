package dev.caro.core.safety;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.ShellKind;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.Span;
import dev.caro.core.shell.ShellParser;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges commands: parses and normalizes them with {@link ShellParser}, runs the rules, and
 * combines the findings into an {@link Assessment}. Thread-safe; never throws for any input.
 * A rule that declares {@link SafetyRule#commandNames()} runs only on scripts that run one of
 * those names; the others run on every script.
 *
 * <ul>
 *   <li>An empty or blank command is SAFE.
 *   <li>Text that cannot be parsed gets a {@value #UNPARSEABLE_ID} finding at HIGH; the rules
 *       still judge whatever was understood, so the result may be higher.
 *   <li>A rule that throws or returns null is reported as a finding of that rule at its own
 *       maximum risk (fail closed), naming the failure.
 * </ul>
 */
public final class SafetyEngine {

    /** Id of the finding reported for text that cannot be parsed. */
    public static final String UNPARSEABLE_ID = "caro.parse.unparseable";

    private final List<SafetyRule> rules;
    private final RuleDispatch dispatch;
    private final ShellParser parser = new ShellParser();
    private final IntentCheck intentCheck = new IntentCheck(parser);
    private final ShellCompatibility compatibility = new ShellCompatibility(parser);

    public SafetyEngine(List<SafetyRule> rules) {
        this.rules = List.copyOf(rules);
        this.dispatch = new RuleDispatch(this.rules);
    }

    public List<SafetyRule> rules() {
        return rules;
    }

    /** Judges {@code command} as it would run in {@code context}. Never throws for any input. */
    public Assessment assess(String command, ExecutionContext context) {
        String text = command == null ? "" : command;
        if (text.isBlank()) {
            return new Assessment(text, RiskLevel.SAFE, List.of(), true);
        }
        ShellScript script = parse(text, context);
        RuleContext ruleContext = ruleContext(script, context);
        Set<Finding> findings = new LinkedHashSet<>();
        if (script.parseError().isPresent()) {
            ShellScript.ParseError e = script.parseError().get();
            findings.add(new Finding(UNPARSEABLE_ID, RiskLevel.HIGH,
                    "Could not parse the command (" + e.message() + "), so caro cannot tell what it would do;"
                            + " fix the quoting or split it into simpler commands.",
                    clamp(e.span(), text.length())));
        }
        BitSet selected = dispatch.select(script);
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            SafetyRule rule = rules.get(i);
            try {
                List<Finding> found = rule.evaluate(script, ruleContext);
                if (found == null) {
                    throw new IllegalStateException("evaluate returned null");
                }
                for (Finding f : found) {
                    if (f == null) {
                        throw new IllegalStateException("evaluate returned a null finding");
                    }
                    findings.add(clampSpan(f, text.length()));
                }
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                findings.add(brokenRule(rule, e, text.length()));
            }
        }
        return Assessment.of(text, new ArrayList<>(findings), script.parsed());
    }

    /**
     * The rules that judge {@code script}, in their order: those that declare none of
     * {@link SafetyRule#commandNames()} and those whose names the script runs.
     */
    public List<SafetyRule> rulesFor(ShellScript script) {
        BitSet selected = dispatch.select(script);
        List<SafetyRule> out = new ArrayList<>(selected.cardinality());
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            out.add(rules.get(i));
        }
        return out;
    }

    /** Parses and normalizes {@code command} for {@code context}, as the rules will see it. */
    public ShellScript parse(String command, ExecutionContext context) {
        return parser.parse(command == null ? "" : command, context);
    }

    /** The context rules get while judging {@code script}; for rule tests and the test kit. */
    public RuleContext ruleContext(ShellScript script, ExecutionContext context) {
        return new ScriptRuleContext(context, script, parser, new PathClassifier(context));
    }

    /**
     * The intent check: when the request asks for something destructive or specific that the
     * command plainly does not do (e.g. "wipe my disk" answered with an echo), says so.
     */
    public Optional<String> intentWarning(String request, String command, Assessment assessment) {
        return intentCheck.warning(request, command, assessment);
    }

    /** Warnings about syntax that {@code shell} lacks (bash-isms under sh, POSIX syntax under fish/PowerShell). */
    public List<String> shellWarnings(String command, ShellKind shell) {
        return compatibility.warnings(command, shell);
    }

    private static Finding brokenRule(SafetyRule rule, Throwable e, int length) {
        String id;
        RiskLevel risk;
        try {
            id = rule.id();
        } catch (RuntimeException | LinkageError ex) {
            id = null;
        }
        try {
            risk = rule.risk();
        } catch (RuntimeException | LinkageError ex) {
            risk = null;
        }
        if (id == null || id.isBlank()) {
            id = rule.getClass().getName();
        }
        if (risk == null) {
            risk = RiskLevel.CRITICAL;
        }
        return new Finding(id, risk, "Safety rule " + id + " failed on this command (" + e.getClass().getSimpleName()
                + "), so caro assumes the worst it can report (" + risk.id() + "); report this to the rule's author.",
                new Span(0, length));
    }

    private static Finding clampSpan(Finding f, int length) {
        Span s = f.span();
        if (s.end() <= length) {
            return f;
        }
        return new Finding(f.ruleId(), f.risk(), f.message(), clamp(s, length));
    }

    private static Span clamp(Span s, int length) {
        int start = Math.min(s.start(), length);
        return new Span(start, Math.max(start, Math.min(s.end(), length)));
    }
}
