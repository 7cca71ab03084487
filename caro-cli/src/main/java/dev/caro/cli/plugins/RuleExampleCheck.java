package dev.caro.cli.plugins;

import dev.caro.api.context.ExecutionContext;
import dev.caro.api.safety.Finding;
import dev.caro.api.safety.SafetyRule;
import dev.caro.core.plugin.LoadedPlugins;
import dev.caro.core.plugin.PluginHost;
import dev.caro.core.plugin.PluginProblem;
import dev.caro.core.safety.SafetyEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Before a safety pack is installed, loads it on its own and runs every rule's examples through
 * this caro's parser: a pack whose rules do not flag their own examples here would give false
 * confidence.
 */
final class RuleExampleCheck {

    private RuleExampleCheck() {}

    /** What is wrong with the pack in {@code jar}; empty when every rule keeps its examples. */
    static List<String> problems(Path jar) throws IOException {
        Path dir = Files.createTempDirectory("caro-plugin-check");
        try {
            Files.copy(jar, dir.resolve("candidate.jar"));
            List<String> out = new ArrayList<>();
            try (PluginHost host = PluginHost.open(dir, Set.of())) {
                LoadedPlugins loaded = host.load();
                for (PluginProblem p : loaded.problems()) {
                    out.add(p.message());
                }
                ExecutionContext context = ExecutionContext.linux("/home/user/project", "/home/user");
                for (SafetyRule rule : loaded.rules()) {
                    SafetyEngine engine = new SafetyEngine(List.of(rule));
                    for (String example : rule.examples().matches()) {
                        if (!flags(engine, rule, example, context)) {
                            out.add(rule.id() + " does not flag its own example: " + example);
                        }
                    }
                    for (String example : rule.examples().doesNotMatch()) {
                        if (flags(engine, rule, example, context)) {
                            out.add(rule.id() + " flags its harmless example: " + example);
                        }
                    }
                }
            }
            return out;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static boolean flags(SafetyEngine engine, SafetyRule rule, String example, ExecutionContext context) {
        for (Finding f : engine.assess(example, context).findings()) {
            if (f.ruleId().equals(rule.id())) {
                return true;
            }
        }
        return false;
    }
}
