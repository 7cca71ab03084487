package dev.caro.core.plugin;

import java.nio.file.Path;

/** Which plugin an extension came from, and where its failures are recorded. */
record PluginOrigin(String pluginId, Path path, ProblemLog log) {

    void callFailed(String extensionKey, String message) {
        log.callFailed(pluginId, path, extensionKey, message);
    }
}
