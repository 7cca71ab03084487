package dev.caro.core.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.shell.Span;
import dev.caro.core.safety.fakes.DeclaredNamesRule;
import dev.caro.core.safety.fakes.MisbehavingRule;
import dev.caro.core.safety.fakes.MisbehavingRule.Fault;
import dev.caro.core.safety.fakes.NamedProgramRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SafetyEngineTest {

    private static final ExecutionContext CONTEXT = ExecutionContext.linux("/home/user/project", "/home/user");

    private final SafetyEngine engine = new SafetyEngine(List.of(
            new NamedProgramRule("test.reboot", "reboot", RiskLevel.MODERATE),
            new NamedProgramRule("test.mkfs", "mkfs", RiskLevel.CRITICAL)));

    @Test
    void emptyAndBlankCommandsAreSafe() {
        for (String blank : new String[] {"", "   ", "\n\t", null}) {
            Assessment a = engine.assess(blank, CONTEXT);
            assertEquals(RiskLevel.SAFE, a.risk());
            assertTrue(a.findings().isEmpty());
            assertTrue(a.parsed());
        }
    }

    @Test
    void combinesFindingsHighestFirst() {
        String cmd = "reboot; sudo mkfs /dev/sdb";
        Assessment a = engine.assess(cmd, CONTEXT);
        assertEquals(RiskLevel.CRITICAL, a.risk());
        assertEquals(List.of("test.mkfs", "test.reboot"), a.findings().stream().map(Finding::ruleId).toList());
        assertEquals("sudo mkfs /dev/sdb", a.findings().get(0).span().of(cmd));
        assertTrue(a.parsed());
    }

    @Test
    void rulesSeeCommandsThroughWrappersAndNesting() {
        for (String cmd : List.of("sudo -E nice reboot", "bash -c 'reboot'", "echo reboot | sh", "ssh host reboot",
                "find . -exec reboot \\;", "echo $(reboot)", "\\reboot", "/sbin/reboot", "r''eboot")) {
            assertEquals(RiskLevel.MODERATE, engine.assess(cmd, CONTEXT).risk(), cmd);
        }
        for (String cmd : List.of("echo reboot", "# reboot", "grep reboot log", "cat <<'EOF'\nreboot\nEOF")) {
            assertEquals(RiskLevel.SAFE, engine.assess(cmd, CONTEXT).risk(), cmd);
        }
    }

    @Test
    void aRuleThatDeclaresCommandNamesRunsOnlyWhereOneOfThemRuns() {
        SafetyEngine named = new SafetyEngine(List.of(
                new DeclaredNamesRule("test.git", () -> Set.of("git")),
                new DeclaredNamesRule("test.mkfs", () -> Set.of("mkfs.*")),
                new DeclaredNamesRule("test.broken", () -> {
                    throw new IllegalStateException("no names");
                }),
                new DeclaredNamesRule("test.null", () -> null)));
        // The broken and null declarations mean every command line: those rules still run (fail closed).
        assertEquals(List.of("test.broken", "test.null"), ids(named.assess("ls -la", CONTEXT)));
        assertEquals(List.of("test.broken", "test.null"), ids(named.assess("echo git mkfs.ext4", CONTEXT)));
        assertEquals(List.of("test.git", "test.broken", "test.null"),
                ids(named.assess("sudo bash -c 'git status'", CONTEXT)));
        assertEquals(List.of("test.git", "test.broken", "test.null"), ids(named.assess("/usr/bin/GIT.exe log", CONTEXT)));
        assertEquals(List.of("test.mkfs", "test.broken", "test.null"), ids(named.assess("mkfs.ext4 /dev/sdb", CONTEXT)));
        assertEquals(List.of("test.broken", "test.null"), ids(named.assess("mkfs /dev/sdb", CONTEXT)));
        // Once a name runs, the rule sees the whole command line.
        Assessment both = named.assess("ls; git push", CONTEXT);
        assertEquals(List.of("ls", "git push"), both.findings().stream().filter(f -> f.ruleId().equals("test.git"))
                .map(f -> f.span().of("ls; git push")).toList());
        assertEquals(List.of("test.git", "test.broken", "test.null"),
                named.rulesFor(named.parse("git status", CONTEXT)).stream().map(r -> r.id()).toList());
    }

    private static List<String> ids(Assessment a) {
        return a.findings().stream().map(Finding::ruleId).distinct().toList();
    }

    @Test
    void unparseableInputIsAtLeastHigh() {
        Assessment a = engine.assess("echo 'unterminated", CONTEXT);
        assertEquals(RiskLevel.HIGH, a.risk());
        assertFalse(a.parsed());
        Finding f = a.findings().get(0);
        assertEquals(SafetyEngine.UNPARSEABLE_ID, f.ruleId());
        assertEquals("Could not parse the command (unterminated single quote), so caro cannot tell what it would do;"
                + " fix the quoting or split it into simpler commands.", f.message());
        assertEquals(new Span(5, 6), f.span());
    }

    @Test
    void rulesStillJudgeWhatWasUnderstoodInUnparseableInput() {
        Assessment a = engine.assess("mkfs /dev/sda; echo \"oops", CONTEXT);
        assertEquals(RiskLevel.CRITICAL, a.risk());
        assertEquals(List.of("test.mkfs", SafetyEngine.UNPARSEABLE_ID),
                a.findings().stream().map(Finding::ruleId).toList());
    }

    @Test
    void aRuleThatThrowsIsReportedAtItsMaximumRisk() {
        SafetyEngine e = new SafetyEngine(List.of(new MisbehavingRule(Fault.THROWS),
                new NamedProgramRule("test.reboot", "reboot", RiskLevel.MODERATE)));
        Assessment a = e.assess("reboot", CONTEXT);
        assertEquals(RiskLevel.HIGH, a.risk());
        assertEquals("Safety rule test.misbehaving failed on this command (IllegalArgumentException), so caro"
                + " assumes the worst it can report (high); report this to the rule's author.",
                a.findings().get(0).message());
        assertEquals("test.reboot", a.findings().get(1).ruleId(), "the other rules still run");
    }

    @Test
    void nullResultsStackOverflowsAndBrokenIdsFailClosed() {
        assertEquals("Safety rule test.misbehaving failed on this command (IllegalStateException), so caro assumes"
                + " the worst it can report (high); report this to the rule's author.",
                new SafetyEngine(List.of(new MisbehavingRule(Fault.RETURNS_NULL))).assess("ls", CONTEXT)
                        .findings().get(0).message());
        assertEquals(RiskLevel.HIGH,
                new SafetyEngine(List.of(new MisbehavingRule(Fault.STACK_OVERFLOW))).assess("ls", CONTEXT).risk());
        Finding anonymous = new SafetyEngine(List.of(new MisbehavingRule(Fault.ID_THROWS))).assess("ls", CONTEXT)
                .findings().get(0);
        assertEquals(MisbehavingRule.class.getName(), anonymous.ruleId());
        assertEquals(RiskLevel.HIGH, anonymous.risk());
    }

    @Test
    void findingSpansAreKeptInsideTheCommand() {
        Assessment a = new SafetyEngine(List.of(new MisbehavingRule(Fault.SPAN_PAST_END))).assess("ls -l", CONTEXT);
        assertEquals(new Span(2, 5), a.findings().get(0).span());
    }

    @Test
    void duplicateFindingsFromUnfoldedLoopsAreReportedOnce() {
        Assessment a = engine.assess("for i in 1 2 3; do reboot; done", CONTEXT);
        assertEquals(1, a.findings().size());
    }

    @Test
    void neverThrowsOnHostileInput() {
        String[] inputs = {"$(".repeat(5000), "`".repeat(999), "<<".repeat(3000), "'\"".repeat(2000),
            "a|".repeat(10_000), "\u0000\uffff\ud800", "x".repeat(200_000), "eval eval eval ".repeat(500),
            "f() { f | f & }; f", "cat <<A <<B <<C\n"};
        for (String input : inputs) {
            Assessment a = engine.assess(input, CONTEXT);
            assertTrue(a.risk() != null);
        }
    }
}
