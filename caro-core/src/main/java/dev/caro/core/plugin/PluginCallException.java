package dev.caro.core.plugin;

/**
 * Plugin code failed while caro called it and there is no safe fallback (an output formatter).
 * The message is user-facing.
 */
public final class PluginCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    public PluginCallException(String pluginId, String message, Throwable cause) {
        super(message, cause);
        this.pluginId = pluginId;
    }

    /** The plugin whose code failed. */
    public String pluginId() {
        return pluginId;
    }
}
