package dev.caro.core.plugin;

/** Where a plugin stands. */
public enum PluginStatus {
    /** Installed and enabled; it loads when caro needs plugins. */
    ENABLED,
    /** Installed but switched off with {@code caro plugins disable}. */
    DISABLED,
    /** Loaded and started in this process. */
    STARTED,
    /** Broken: it could not be read, validated, loaded or started (see the problem). */
    FAILED;

    /** Lower-case name for listings. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
