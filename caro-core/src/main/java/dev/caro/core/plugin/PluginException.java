package dev.caro.core.plugin;

import java.util.Objects;

/** A plugin operation failed; the message is user-facing and names the cause. */
public final class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    private final PluginProblem.Kind kind;
    /** What the jar registers, when it could be read; null when unknown. */
    transient Provides provides;

    public PluginException(PluginProblem.Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PluginException(PluginProblem.Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** The cause, or null for failures that are not about a plugin's content (unknown id, I/O). */
    public PluginProblem.Kind kind() {
        return kind;
    }

    static PluginException operation(String message) {
        return new PluginException(null, Objects.requireNonNull(message));
    }
}
