package dev.caro.core.plugin;

import java.util.ArrayList;
import java.util.List;

/**
 * The extension classes a plugin registers in {@code META-INF/services}, read from the jar
 * without loading any class.
 *
 * @param backends {@code ModelBackendProvider} implementations
 * @param rules {@code SafetyRule} implementations
 * @param formatters {@code OutputFormatter} implementations
 */
public record Provides(List<String> backends, List<String> rules, List<String> formatters) {

    public Provides {
        backends = List.copyOf(backends);
        rules = List.copyOf(rules);
        formatters = List.copyOf(formatters);
    }

    public static Provides nothing() {
        return new Provides(List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return backends.isEmpty() && rules.isEmpty() && formatters.isEmpty();
    }

    /** Whether the plugin is a safety pack: it registers at least one rule. */
    public boolean safetyRules() {
        return !rules.isEmpty();
    }

    /** For listings: {@code "1 backend, 4 rules"}, or {@code "nothing"}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        count(parts, backends.size(), "backend", "backends");
        count(parts, rules.size(), "safety rule", "safety rules");
        count(parts, formatters.size(), "formatter", "formatters");
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static void count(List<String> parts, int n, String one, String many) {
        if (n > 0) {
            parts.add(n + " " + (n == 1 ? one : many));
        }
    }
}
