package dev.caro.core.config;

import dev.caro.api.context.ShellKind;
import dev.caro.api.safety.SafetyMode;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The top-level settings of config.toml, each with its environment variable and validation.
 * Backend-specific settings live in {@code [backends.ID]} tables and are passed to that backend.
 */
public enum ConfigKey {
    BACKEND("backend", "CARO_BACKEND", "backend to use first, e.g. llamacpp, offline, ollama", v -> null),
    MODEL("model", "CARO_MODEL", "model id from the catalog or a path to a .gguf file", v -> null),
    SAFETY("safety", "CARO_SAFETY", "strict, moderate or permissive",
            v -> SafetyMode.parse(v).isPresent() ? null : "must be one of " + SafetyMode.names()),
    OUTPUT("output", "CARO_OUTPUT", "output format: plain, json, yaml or a plugin's", v -> null),
    SHELL("shell", "CARO_SHELL", "target shell: " + ShellKind.names(),
            v -> ShellKind.fromName(v).isPresent() ? null : "must be one of " + ShellKind.names()),
    TIMEOUT("timeout", "CARO_TIMEOUT", "seconds a backend may take to answer",
            v -> v.matches("\\d{1,5}") && Integer.parseInt(v) > 0 ? null : "must be a whole number of seconds, e.g. 60"),
    HISTORY("history", "CARO_HISTORY", "true to record commands in the history file",
            v -> v.equals("true") || v.equals("false") ? null : "must be true or false");

    private final String key;
    private final String envVar;
    private final String description;
    private final Function<String, String> validator;

    ConfigKey(String key, String envVar, String description, Function<String, String> validator) {
        this.key = key;
        this.envVar = envVar;
        this.description = description;
        this.validator = validator;
    }

    public String key() { return key; }

    public String envVar() { return envVar; }

    public String description() { return description; }

    /** Why {@code value} is invalid, or empty when it is fine. */
    public Optional<String> problem(String value) {
        return Optional.ofNullable(validator.apply(value));
    }

    public static Optional<ConfigKey> of(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** The valid top-level keys, for messages. */
    public static String names() {
        return Arrays.stream(values()).map(ConfigKey::key).collect(Collectors.joining(", "));
    }
}
