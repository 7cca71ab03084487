package dev.caro.core.plugin;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong with one plugin, reported once; the plugin (or the one extension) is skipped.
 *
 * @param plugin the plugin id, or the jar's file name when the jar has no readable id
 * @param path the plugin jar
 * @param kind what went wrong
 * @param message user-facing: names the cause and what to do next
 */
public record PluginProblem(String plugin, Path path, Kind kind, String message) {

    public PluginProblem {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The causes a plugin can fail for. */
    public enum Kind {
        /** The file cannot be read as a jar (truncated, tampered, not a zip). */
        NOT_A_JAR,
        /** The jar's manifest has no {@code Plugin-Id}. */
        NO_DESCRIPTOR,
        /** The descriptor is incomplete or malformed (bad id, missing version or API range). */
        INVALID_DESCRIPTOR,
        /** The plugin's {@code Plugin-Requires} range excludes this caro's API version. */
        API_RANGE,
        /** A plugin or extension id uses the {@code caro.} prefix, reserved for built-ins. */
        RESERVED_ID,
        /** A plugin or extension id is already taken by a built-in or another plugin. */
        DUPLICATE_ID,
        /** The jar contains caro's API classes, which must come from caro itself. */
        BUNDLED_API,
        /** A plugin it depends on is missing, disabled, of the wrong version or broken. */
        MISSING_DEPENDENCY,
        /** Creating the plugin's class loader or starting it failed. */
        START_FAILED,
        /** One extension (backend, rule, formatter) could not be created. */
        EXTENSION_FAILED,
        /** Plugin code threw while caro called it. */
        CALL_FAILED
    }
}
