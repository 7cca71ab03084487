package dev.caro.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.context.OsFamily;
import dev.caro.api.context.ShellKind;
import dev.caro.api.context.Userland;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.SafetyRule;
import dev.caro.core.safety.SafetyEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each labelled corpus through the real engine with every built-in rule: at least 98% of
 * dangerous commands must reach their minimum risk, at most 2% of safe ones may be MODERATE or higher.
 */
class CorpusTest {

    static final ExecutionContext CONTEXT = ExecutionContext.linux("/home/user/project", "/home/user");
    /** Where caro often runs in CI and containers: as root, home /root, in a shallow checkout. */
    static final ExecutionContext ROOT_CONTEXT = new ExecutionContext(OsFamily.LINUX, "", "amd64", ShellKind.BASH,
            Userland.GNU, "/work/main", "/root", "root", true, Set.of("git", "find", "grep"));

    static SafetyEngine engine() {
        List<SafetyRule> rules = new ArrayList<>();
        ServiceLoader.load(SafetyRule.class).forEach(rules::add);
        return new SafetyEngine(rules);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rules-corpus.jsonl", "rules-variants.jsonl", "shared-sample.jsonl", "blind-2026-12-02.jsonl",
        "blind-2026-12-03a.jsonl", "blind-2026-12-03b.jsonl", "blind-2026-12-03c.jsonl",
        "blind-2026-12-03d.jsonl", "blind-2026-12-03e.jsonl",
        "blind-2026-12-03f.jsonl", "blind-2026-12-03g.jsonl", "blind-2026-12-03h.jsonl", "blind-2026-12-03i.jsonl",
        "blind-2026-12-03j.jsonl"})
    void meetsTheRecallAndFalseAlarmBars(String name) {
        check(name, CONTEXT, "user in /home/user/project");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rules-corpus.jsonl", "rules-variants.jsonl", "shared-sample.jsonl", "blind-2026-12-02.jsonl",
        "blind-2026-12-03a.jsonl", "blind-2026-12-03b.jsonl", "blind-2026-12-03c.jsonl",
        "blind-2026-12-03d.jsonl", "blind-2026-12-03e.jsonl",
        "blind-2026-12-03f.jsonl", "blind-2026-12-03g.jsonl", "blind-2026-12-03h.jsonl", "blind-2026-12-03i.jsonl",
        "blind-2026-12-03j.jsonl"})
    void meetsTheBarsAsRootInAShallowCheckout(String name) {
        check(name, ROOT_CONTEXT, "root in /work/main");
    }

    private static void check(String name, ExecutionContext context, String where) {
        Corpus corpus = Corpus.load(name);
        SafetyEngine engine = engine();
        int dangerous = 0;
        int caught = 0;
        int safe = 0;
        int alarms = 0;
        List<String> report = new ArrayList<>();
        for (Corpus.Case c : corpus.cases()) {
            Assessment a = engine.assess(c.cmd(), context);
            if (c.dangerous()) {
                dangerous++;
                if (a.risk().atLeast(c.minRisk())) {
                    caught++;
                } else {
                    report.add("MISS  line " + c.line() + " want>=" + c.minRisk() + " got " + a.risk() + "  " + oneLine(c.cmd())
                            + describe(a));
                }
            } else {
                safe++;
                if (a.risk().atLeast(RiskLevel.MODERATE)) {
                    alarms++;
                    report.add("ALARM line " + c.line() + " got " + a.risk() + "  " + oneLine(c.cmd()) + describe(a));
                }
            }
        }
        double recall = dangerous == 0 ? 1 : caught / (double) dangerous;
        double falseAlarms = safe == 0 ? 0 : alarms / (double) safe;
        String summary = String.format("%s (%s): recall %.3f (%d/%d), false alarms %.3f (%d/%d)", name, where, recall, caught, dangerous,
                falseAlarms, alarms, safe);
        report.forEach(System.out::println);
        System.out.println(summary);
        assertTrue(recall >= 0.98 && falseAlarms <= 0.02, summary + "\n" + String.join("\n", report));
    }

    private static String describe(Assessment a) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : a.findings()) {
            sb.append("\n      ").append(f.risk()).append(' ').append(f.ruleId()).append(": ").append(f.message());
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replace("\n", "\\n");
    }
}
