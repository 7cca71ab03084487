package dev.caro.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.Assessment;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.RiskLevel;
import dev.caro.api.safety.RuleContext;
import dev.caro.api.safety.RuleExamples;
import dev.caro.api.safety.SafetyRule;
import dev.caro.api.shell.ShellScript;
import dev.caro.api.shell.SimpleCommand;
import dev.caro.core.safety.SafetyEngine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Skipping rules by their declared command names changes no verdict: every corpus command and
 * every rule example, in the ordinary and the root context, gets exactly the same findings from
 * the engine as from one that runs every rule on every command line.
 */
class CommandNameDispatchTest {

    private static final String[] CORPORA = {"rules-corpus.jsonl", "rules-variants.jsonl", "shared-sample.jsonl",
        "blind-2026-12-02.jsonl", "blind-2026-12-03a.jsonl", "blind-2026-12-03b.jsonl", "blind-2026-12-03c.jsonl",
        "blind-2026-12-03d.jsonl", "blind-2026-12-03e.jsonl",
        "blind-2026-12-03f.jsonl", "blind-2026-12-03g.jsonl", "blind-2026-12-03h.jsonl", "blind-2026-12-03i.jsonl",
        "blind-2026-12-03j.jsonl"};

    @Test
    void dispatchByCommandNameGivesTheSameFindingsAsRunningEveryRule() {
        List<SafetyRule> rules = new ArrayList<>();
        ServiceLoader.load(SafetyRule.class).forEach(rules::add);
        List<SafetyRule> undeclared = rules.stream().<SafetyRule>map(EveryCommand::new).toList();
        SafetyEngine dispatching = new SafetyEngine(rules);
        SafetyEngine exhaustive = new SafetyEngine(undeclared);

        Set<String> commands = new LinkedHashSet<>();
        for (String corpus : CORPORA) {
            Corpus.load(corpus).cases().forEach(c -> commands.add(c.cmd()));
        }
        for (SafetyRule r : rules) {
            commands.addAll(r.examples().matches());
            commands.addAll(r.examples().doesNotMatch());
        }
        long declaring = rules.stream().filter(r -> !r.commandNames().isEmpty()).count();
        assertTrue(declaring >= rules.size() / 2, "most built-in rules declare their command names: " + declaring);

        List<String> differences = new ArrayList<>();
        int skipped = 0;
        for (ExecutionContext context : List.of(CorpusTest.CONTEXT, CorpusTest.ROOT_CONTEXT)) {
            for (String command : commands) {
                Assessment fast = dispatching.assess(command, context);
                Assessment full = exhaustive.assess(command, context);
                if (!fast.findings().equals(full.findings()) || fast.risk() != full.risk()) {
                    differences.add(command + "\n    dispatched: " + fast.findings() + "\n    every rule: " + full.findings());
                }
                skipped += rules.size() - dispatching.rulesFor(dispatching.parse(command, context)).size();
            }
        }
        assertEquals(List.of(), differences, differences.size() + " command lines judged differently");
        assertTrue(skipped > commands.size() * rules.size(), "dispatch skips most rules: " + skipped);
    }

    /** A rule as it was before commandNames: same answers, declared for every command line. */
    private record EveryCommand(SafetyRule rule) implements SafetyRule {
        @Override public String id() { return rule.id(); }
        @Override public String summary() { return rule.summary(); }
        @Override public RiskLevel risk() { return rule.risk(); }
        @Override public String explanation() { return rule.explanation(); }
        @Override public RuleExamples examples() { return rule.examples(); }
        @Override public List<Finding> evaluate(SimpleCommand c, RuleContext ctx) { return rule.evaluate(c, ctx); }
        @Override public List<Finding> evaluate(ShellScript s, RuleContext ctx) { return rule.evaluate(s, ctx); }
    }
}
