package dev.caro.core.plugin;

import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.format.OutputFormatter;
import dev.caro.api.safety.SafetyRule;
import java.util.List;

/**
 * What the enabled plugins contribute, every extension wrapped so that failures in plugin code
 * are contained (see {@link PluginHost}), plus what went wrong.
 */
public final class LoadedPlugins {

    private final List<ModelBackendProvider> backends;
    private final List<SafetyRule> rules;
    private final List<OutputFormatter> formatters;
    private final List<PluginInfo> plugins;
    private final List<String> failedSafetyPlugins;
    private final ProblemLog problems;

    LoadedPlugins(List<ModelBackendProvider> backends, List<SafetyRule> rules, List<OutputFormatter> formatters,
            List<PluginInfo> plugins, List<String> failedSafetyPlugins, ProblemLog problems) {
        this.backends = List.copyOf(backends);
        this.rules = List.copyOf(rules);
        this.formatters = List.copyOf(formatters);
        this.plugins = List.copyOf(plugins);
        this.failedSafetyPlugins = List.copyOf(failedSafetyPlugins);
        this.problems = problems;
    }

    static LoadedPlugins none() {
        return new LoadedPlugins(List.of(), List.of(), List.of(), List.of(), List.of(), new ProblemLog());
    }

    /** Backend providers from plugins; a throw from plugin code becomes a {@code BackendException}. */
    public List<ModelBackendProvider> backends() {
        return backends;
    }

    /** Safety rules from plugins; a throw from plugin code becomes a finding at the rule's maximum risk. */
    public List<SafetyRule> rules() {
        return rules;
    }

    /** Output formatters from plugins; a throw from plugin code becomes a {@link PluginCallException}. */
    public List<OutputFormatter> formatters() {
        return formatters;
    }

    /** Every installed plugin jar with its status after loading ({@code STARTED}, {@code FAILED}, {@code DISABLED}). */
    public List<PluginInfo> plugins() {
        return plugins;
    }

    /**
     * Everything that went wrong so far: at load, and (added as it happens, once per extension)
     * when plugin code failed during a call. Callers print these to standard error.
     */
    public List<PluginProblem> problems() {
        return problems.snapshot();
    }

    /**
     * Whether a safety pack (a plugin that registers safety rules, or a jar too broken to tell)
     * failed to load fully. When true, caro must fail closed: show commands but refuse to run them
     * until the pack is fixed, disabled or removed.
     */
    public boolean safetyPluginFailed() {
        return !failedSafetyPlugins.isEmpty();
    }

    /**
     * When a safety pack failed: the message to print instead of running a command. Empty when
     * commands may run.
     */
    public java.util.Optional<String> executionRefusal() {
        if (failedSafetyPlugins.isEmpty()) {
            return java.util.Optional.empty();
        }
        String first = failedSafetyPlugins.get(0);
        return java.util.Optional.of((failedSafetyPlugins.size() == 1 ? "Safety pack " + first + " failed to load"
                : "Safety packs " + String.join(", ", failedSafetyPlugins) + " failed to load")
                + ": caro will not run commands until it is fixed or removed (caro plugins remove " + first
                + ", or caro plugins disable " + first + ").");
    }

    /** Ids (or file names) of the safety packs that failed, for the refusal message. */
    public List<String> failedSafetyPlugins() {
        return failedSafetyPlugins;
    }
}
