package dev.caro.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.ShellScript;
import dev.caro.core.safety.SafetyEngine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The contract every {@link SafetyRule} meets, built-in or plugin: a well-formed id, metadata,
 * and its own examples judged through caro's real parser and normalizer: every
 * {@code matches} example makes the rule report at least one finding, every
 * {@code doesNotMatch} example none, findings never exceed {@link SafetyRule#risk()} and point
 * inside the command. A rule that declares {@link SafetyRule#commandNames()} is judged the way
 * caro runs it (skipped for command lines without those names), so a declaration that misses a
 * name its matching examples need fails; and it must report nothing, even when called directly,
 * for the examples of every rule tested with it that run none of its names.
 *
 * <p>One line tests every rule a pack registers in {@code META-INF/services}:
 *
 * <pre>{@code
 * class AllRulesTest {
 *     @TestFactory
 *     Stream<DynamicNode> everyRuleKeepsItsContract() {
 *         return SafetyRuleContract.serviceLoaderTests(false); // true for caro's built-in pack
 *     }
 * }
 * }</pre>
 *
 * Or check one rule: {@code SafetyRuleContract.verify(new MyRule(), false)}.
 */
public final class SafetyRuleContract {

    /** Lower-case segments of letters, digits and dashes, joined by dots; at least two segments. */
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)+");

    private SafetyRuleContract() {}

    /** The context examples are judged in: Linux, bash, working in {@code /home/user/project}. */
    public static ExecutionContext defaultContext() {
        return ExecutionContext.linux("/home/user/project", "/home/user");
    }

    /**
     * Everything wrong with {@code rule}, one message per problem; empty when it keeps the
     * contract. {@code builtIn} says whether the rule ships with caro (only built-ins may use the
     * {@code caro.} prefix, and they must).
     */
    public static List<String> problems(SafetyRule rule, boolean builtIn) {
        return problems(rule, builtIn, defaultContext());
    }

    /** {@link #problems(SafetyRule, boolean)} with the examples judged in {@code context}. */
    public static List<String> problems(SafetyRule rule, boolean builtIn, ExecutionContext context) {
        List<String> out = new ArrayList<>(metadataProblems(rule, builtIn));
        RuleExamples examples = safeExamples(rule, out);
        if (examples == null) {
            return out;
        }
        for (String example : examples.matches()) {
            out.addAll(exampleProblems(rule, example, true, context));
        }
        for (String example : examples.doesNotMatch()) {
            out.addAll(exampleProblems(rule, example, false, context));
        }
        out.addAll(outsideNamesProblems(rule, List.of(rule), context));
        return out;
    }

    /** Fails with every problem of {@code rule} listed, or returns quietly. */
    public static void verify(SafetyRule rule, boolean builtIn) {
        List<String> problems = problems(rule, builtIn);
        if (!problems.isEmpty()) {
            fail(describe(rule) + " breaks the safety rule contract:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Dynamic tests for {@code rules}: per rule a container with its metadata test and one test per
     * example, plus a test that no two rules share an id.
     */
    public static Stream<DynamicNode> tests(List<? extends SafetyRule> rules, boolean builtIn) {
        return tests(rules, builtIn, defaultContext());
    }

    /** {@link #tests(List, boolean)} with the examples judged in {@code context}. */
    public static Stream<DynamicNode> tests(List<? extends SafetyRule> rules, boolean builtIn,
            ExecutionContext context) {
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicTest.dynamicTest("rules were found and their ids are unique", () -> {
            if (rules.isEmpty()) {
                fail("no safety rules found; check META-INF/services/" + SafetyRule.class.getName());
            }
            Set<String> seen = new HashSet<>();
            for (SafetyRule r : rules) {
                String id = safeId(r);
                if (!seen.add(id)) {
                    fail("two rules share the id " + id);
                }
            }
        }));
        for (SafetyRule rule : rules) {
            List<DynamicNode> children = new ArrayList<>();
            children.add(DynamicTest.dynamicTest("id and metadata", () -> failOn(rule, metadataProblems(rule, builtIn))));
            List<String> collected = new ArrayList<>();
            RuleExamples examples = safeExamples(rule, collected);
            if (examples == null) {
                children.add(DynamicTest.dynamicTest("examples", () -> failOn(rule, collected)));
            } else {
                for (String example : examples.matches()) {
                    children.add(DynamicTest.dynamicTest("matches: " + oneLine(example),
                            () -> failOn(rule, exampleProblems(rule, example, true, context))));
                }
                for (String example : examples.doesNotMatch()) {
                    children.add(DynamicTest.dynamicTest("does not match: " + oneLine(example),
                            () -> failOn(rule, exampleProblems(rule, example, false, context))));
                }
            }
            children.add(DynamicTest.dynamicTest("reports nothing where its commandNames do not run",
                    () -> failOn(rule, outsideNamesProblems(rule, rules, context))));
            nodes.add(DynamicContainer.dynamicContainer(safeId(rule), children));
        }
        return nodes.stream();
    }

    /** Dynamic tests for every rule {@link ServiceLoader} finds on the test class path. */
    public static Stream<DynamicNode> serviceLoaderTests(boolean builtIn) {
        List<SafetyRule> rules = new ArrayList<>();
        ServiceLoader.load(SafetyRule.class).forEach(rules::add);
        return tests(rules, builtIn);
    }

    private static void failOn(SafetyRule rule, List<String> problems) {
        if (!problems.isEmpty()) {
            fail(describe(rule) + ": " + String.join("\n  ", problems));
        }
    }

    static List<String> metadataProblems(SafetyRule rule, boolean builtIn) {
        List<String> out = new ArrayList<>();
        String id = safeId(rule);
        if (!ID.matcher(id).matches()) {
            out.add("id '" + id + "' must be lower case, dot-separated segments of letters, digits and dashes,"
                    + " e.g. acme.k8s.delete-namespace");
        }
        if (builtIn && !id.startsWith("caro.")) {
            out.add("built-in rule id '" + id + "' must start with caro.");
        }
        if (!builtIn && id.startsWith("caro.")) {
            out.add("id '" + id + "' uses the caro. prefix, which is reserved for built-in rules");
        }
        try {
            if (rule.summary() == null || rule.summary().isBlank()) {
                out.add("summary() is empty");
            }
            if (rule.explanation() == null || rule.explanation().isBlank()) {
                out.add("explanation() is empty");
            }
            if (rule.risk() == null || rule.risk() == RiskLevel.SAFE) {
                out.add("risk() must be MODERATE, HIGH or CRITICAL, not " + rule.risk());
            }
        } catch (RuntimeException e) {
            out.add("metadata threw " + e);
        }
        return out;
    }

    private static RuleExamples safeExamples(SafetyRule rule, List<String> problems) {
        try {
            RuleExamples examples = rule.examples();
            if (examples == null) {
                problems.add("examples() returned null");
            }
            return examples;
        } catch (RuntimeException e) {
            problems.add("examples() threw " + e);
            return null;
        }
    }

    static List<String> exampleProblems(SafetyRule rule, String example, boolean shouldMatch,
            ExecutionContext context) {
        List<String> out = new ArrayList<>();
        SafetyEngine engine = new SafetyEngine(List.of(rule));
        ShellScript script = engine.parse(example, context);
        RuleContext ruleContext = engine.ruleContext(script, context);
        boolean dispatched = !engine.rulesFor(script).isEmpty();
        if (!dispatched && shouldMatch) {
            out.add("declares commandNames() " + new TreeSet<>(rule.commandNames())
                    + " but its matching example runs none of them, so caro never asks the rule: " + example);
            return out;
        }
        List<Finding> findings;
        try {
            findings = dispatched ? rule.evaluate(script, ruleContext) : List.of();
        } catch (RuntimeException | StackOverflowError e) {
            out.add("threw " + e + " on example: " + example);
            return out;
        }
        if (findings == null) {
            out.add("evaluate returned null on example: " + example);
            return out;
        }
        String id = safeId(rule);
        RiskLevel max = rule.risk();
        for (Finding f : findings) {
            if (f == null) {
                out.add("returned a null finding on example: " + example);
                continue;
            }
            if (!f.ruleId().equals(id)) {
                out.add("finding has rule id '" + f.ruleId() + "' instead of '" + id + "' on example: " + example);
            }
            if (max != null && f.risk().compareTo(max) > 0) {
                out.add("finding is " + f.risk() + " but risk() is only " + max + " on example: " + example);
            }
            if (f.span().end() > example.length()) {
                out.add("finding span " + f.span() + " lies outside the " + example.length()
                        + "-character example: " + example);
            }
            if (f.message().isBlank()) {
                out.add("finding has an empty message on example: " + example);
            }
        }
        boolean reported = findings.stream().anyMatch(f -> f != null && f.risk() != RiskLevel.SAFE);
        if (shouldMatch && !reported) {
            out.add("reported nothing for its own matching example: " + example
                    + script.parseError().map(e -> " (caro could not parse it: " + e.message() + ")").orElse(""));
        }
        if (!shouldMatch && reported) {
            out.add("reported " + findings.get(0).risk() + " (" + findings.get(0).message()
                    + ") for its own non-matching example: " + example);
        }
        return out;
    }

    /**
     * The contract of {@link SafetyRule#commandNames()}: called directly on every example of
     * {@code rules} whose command line runs none of the declared names, the rule reports nothing.
     */
    static List<String> outsideNamesProblems(SafetyRule rule, List<? extends SafetyRule> rules,
            ExecutionContext context) {
        List<String> out = new ArrayList<>();
        Set<String> names;
        try {
            names = rule.commandNames();
        } catch (RuntimeException e) {
            out.add("commandNames() threw " + e);
            return out;
        }
        if (names == null) {
            out.add("commandNames() returned null; return an empty set to be run on every command line");
            return out;
        }
        if (names.isEmpty()) {
            return out;
        }
        SafetyEngine engine = new SafetyEngine(List.of(rule));
        for (SafetyRule other : rules) {
            RuleExamples examples;
            try {
                examples = other.examples();
            } catch (RuntimeException e) {
                continue;
            }
            if (examples == null) {
                continue;
            }
            List<String> all = new ArrayList<>(examples.matches());
            all.addAll(examples.doesNotMatch());
            for (String example : all) {
                ShellScript script = engine.parse(example, context);
                if (!engine.rulesFor(script).isEmpty()) {
                    continue;
                }
                try {
                    List<Finding> findings = rule.evaluate(script, engine.ruleContext(script, context));
                    if (findings != null && findings.stream().anyMatch(f -> f != null && f.risk() != RiskLevel.SAFE)) {
                        out.add("reported " + findings.get(0).risk() + " for a command line that runs none of its"
                                + " commandNames() " + new TreeSet<>(names) + ", which caro would never show it: "
                                + example);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    // the rule's own example tests report exceptions
                }
            }
        }
        return out;
    }

    private static String safeId(SafetyRule rule) {
        try {
            String id = rule.id();
            return id == null ? "<null id: " + rule.getClass().getName() + ">" : id;
        } catch (RuntimeException e) {
            return "<id() threw: " + rule.getClass().getName() + ">";
        }
    }

    private static String describe(SafetyRule rule) {
        return "rule " + safeId(rule) + " (" + rule.getClass().getName() + ")";
    }

    private static String oneLine(String example) {
        return example.replace("\n", "\\n");
    }
}
