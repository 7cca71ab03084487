package dev.caro.core.config;

import dev.caro.api.context.ShellKind;
import dev.caro.api.safety.SafetyMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The top-level settings of config.toml, each with its environment variable and validation.
 * Backend-specific settings live in {@code [backends.ID]} tables and are passed to that backend.
 */
public enum ConfigKey {
    BACKEND("backend", "CARO_BACKEND", "backend to use first, e.g. llamacpp, offline, ollama"),
    MODEL("model", "CARO_MODEL", "model id from the catalog or a path to a .gguf file"),
    SAFETY("safety", "CARO_SAFETY", "strict, moderate or permissive"),
    OUTPUT("output", "CARO_OUTPUT", "output format: plain, json, yaml or a plugin's"),
    SHELL("shell", "CARO_SHELL", "target shell: " + ShellKind.names()),
    TIMEOUT("timeout", "CARO_TIMEOUT", "seconds a backend may take to answer"),
    HISTORY("history", "CARO_HISTORY", "true to record commands in the history file");

    private final String key;
    private final String envVar;
    private final String description;

    ConfigKey(String key, String envVar, String description) {
        this.key = key;
        this.envVar = envVar;
        this.description = description;
    }

    public String key() { return key; }

    public String envVar() { return envVar; }

    public String description() { return description; }

    /** Why {@code value} is invalid, or empty when it is fine. */
    public Optional<String> problem(String value) {
        // A switch, not a lambda per key: each lambda is linked when the class loads, at every start.
        String why = switch (this) {
            case SAFETY -> SafetyMode.parse(value).isPresent() ? null : "must be one of " + SafetyMode.names();
            case SHELL -> ShellKind.fromName(value).isPresent() ? null : "must be one of " + ShellKind.names();
            case TIMEOUT -> value.matches("\\d{1,5}") && Integer.parseInt(value) > 0 ? null
                    : "must be a whole number of seconds, e.g. 60";
            case HISTORY -> value.equals("true") || value.equals("false") ? null : "must be true or false";
            case BACKEND, MODEL, OUTPUT -> null;
        };
        return Optional.ofNullable(why);
    }

    public static Optional<ConfigKey> of(String key) {
        for (ConfigKey k : values()) {
            if (k.key.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The valid top-level keys, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }
}
