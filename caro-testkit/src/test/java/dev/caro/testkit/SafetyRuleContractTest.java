package dev.caro.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleExamples;
import dev.caro.testkit.fakes.CrashingRule;
import dev.caro.testkit.fakes.RootDeleteRule;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class SafetyRuleContractTest {

    @Test
    void aWellBehavedRulePassesThroughTheRealParser() {
        // "sudo bash -c 'rm -rf /'" only matches if the parser unfolds the wrapper and the -c string.
        assertEquals(List.of(), SafetyRuleContract.problems(new RootDeleteRule(), false));
        SafetyRuleContract.verify(new RootDeleteRule(), false);
    }

    @Test
    void reportsExamplesTheRuleGetsWrong() {
        RootDeleteRule rule = new RootDeleteRule("acme.fs.root-delete", RiskLevel.CRITICAL,
                RuleExamples.of(List.of("rm -rf ~"), List.of("rm -rf /*")));
        assertEquals(List.of(
                "reported nothing for its own matching example: rm -rf ~",
                "reported CRITICAL (Deletes the root directory.) for its own non-matching example: rm -rf /*"),
                SafetyRuleContract.problems(rule, false));
    }

    @Test
    void aCommandNameDeclarationThatMissesTheRulesOwnCommandFails() {
        RootDeleteRule rule = new RootDeleteRule("acme.fs.root-delete", RiskLevel.CRITICAL,
                new RootDeleteRule().examples(), Set.of("del"));
        assertEquals(List.of(
                "declares commandNames() [del] but its matching example runs none of them, so caro never asks the rule:"
                        + " rm -rf /",
                "declares commandNames() [del] but its matching example runs none of them, so caro never asks the rule:"
                        + " sudo bash -c 'rm -rf /'",
                "reported CRITICAL for a command line that runs none of its commandNames() [del], which caro would"
                        + " never show it: rm -rf /",
                "reported CRITICAL for a command line that runs none of its commandNames() [del], which caro would"
                        + " never show it: sudo bash -c 'rm -rf /'"),
                SafetyRuleContract.problems(rule, false));
    }

    @Test
    void aCommandNameDeclarationIsCheckedAgainstTheExamplesOfEveryRuleTestedWithIt() throws Throwable {
        // Its own examples never run "rm" without it, but the other rule's do: "rm -rf /" is reported.
        RootDeleteRule narrow = new RootDeleteRule("acme.fs.narrow", RiskLevel.CRITICAL,
                RuleExamples.of(List.of("del x; rm -rf /"), List.of("del x")), Set.of("del"));
        RootDeleteRule other = new RootDeleteRule();
        assertEquals(List.of(), SafetyRuleContract.problems(narrow, false));
        assertEquals(List.of("reported CRITICAL for a command line that runs none of its commandNames() [del], which"
                + " caro would never show it: rm -rf /", "reported CRITICAL for a command line that runs none of its"
                + " commandNames() [del], which caro would never show it: sudo bash -c 'rm -rf /'"),
                SafetyRuleContract.outsideNamesProblems(narrow, List.of(narrow, other),
                        SafetyRuleContract.defaultContext()));
    }

    @Test
    void checksIdFormatAndTheReservedPrefix() {
        RuleExamples ok = new RootDeleteRule().examples();
        assertEquals(List.of("id 'Acme_Root' must be lower case, dot-separated segments of letters, digits and dashes,"
                + " e.g. acme.k8s.delete-namespace"),
                SafetyRuleContract.problems(new RootDeleteRule("Acme_Root", RiskLevel.CRITICAL, ok), false));
        assertEquals(List.of("id 'caro.fs.root' uses the caro. prefix, which is reserved for built-in rules"),
                SafetyRuleContract.problems(new RootDeleteRule("caro.fs.root", RiskLevel.CRITICAL, ok), false));
        assertEquals(List.of("built-in rule id 'acme.fs.root' must start with caro."),
                SafetyRuleContract.problems(new RootDeleteRule("acme.fs.root", RiskLevel.CRITICAL, ok), true));
        assertEquals(List.of(),
                SafetyRuleContract.problems(new RootDeleteRule("caro.fs.root", RiskLevel.CRITICAL, ok), true));
    }

    @Test
    void aRuleThatThrowsFailsTheContract() {
        List<String> problems = SafetyRuleContract.problems(new CrashingRule(), false);
        assertEquals(List.of("threw java.lang.IllegalStateException: boom on example: ls",
                "threw java.lang.IllegalStateException: boom on example: pwd"), problems);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SafetyRuleContract.verify(new CrashingRule(), false));
        assertTrue(e.getMessage().startsWith("rule acme.crashing (dev.caro.testkit.fakes.CrashingRule) breaks"),
                e.getMessage());
    }

    @Test
    void dynamicTestsCoverEveryExampleAndFailForBrokenRules() throws Throwable {
        List<DynamicNode> nodes = SafetyRuleContract.tests(List.of(new RootDeleteRule(), new CrashingRule()), false)
                .toList();
        assertEquals(3, nodes.size(), "the unique-id test plus one container per rule");
        AtomicInteger passed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        for (DynamicNode n : nodes) {
            run(n, passed, failed);
        }
        // RootDeleteRule: metadata + 4 examples + its command names pass;
        // CrashingRule: metadata and command names (none declared) pass, 2 examples fail.
        assertEquals(9, passed.get());
        assertEquals(2, failed.get());
    }

    @Test
    void duplicateIdsFail() {
        List<DynamicNode> nodes = SafetyRuleContract.tests(List.of(new RootDeleteRule(), new RootDeleteRule()), false)
                .toList();
        DynamicTest unique = (DynamicTest) nodes.get(0);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> unique.getExecutable().execute());
        assertEquals("two rules share the id acme.fs.root-delete", e.getMessage());
    }

    private static void run(DynamicNode node, AtomicInteger passed, AtomicInteger failed) throws Throwable {
        if (node instanceof DynamicContainer c) {
            for (DynamicNode child : c.getChildren().toList()) {
                run(child, passed, failed);
            }
            return;
        }
        try {
            ((DynamicTest) node).getExecutable().execute();
            passed.incrementAndGet();
        } catch (AssertionFailedError e) {
            failed.incrementAndGet();
        }
    }
}
