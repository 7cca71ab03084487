package dev.caro.api.backend;

import dev.caro.api.Stable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a backend may know about its surroundings when it is checked or created.
 *
 * @param settings the backend's own configuration section ({@code [backends.<id>]} in
 *     config.toml), flattened to strings; never null
 * @param environment the process environment variables the backend may read (for example
 *     {@code OLLAMA_HOST}); never null
 * @param model the model the user selected with {@code --model} or config, if any: a catalog id,
 *     a path or a remote model name, interpreted by the backend
 * @param cacheDir a directory the backend may use for downloaded models and native libraries
 *     (it may not exist yet)
 * @param dataDir a directory for the backend's persistent data (it may not exist yet)
 * @param progress receives progress of long operations such as downloads and model loading
 */
@Stable(since = "1.0")
public record BackendEnvironment(
        Map<String, String> settings,
        Map<String, String> environment,
        Optional<String> model,
        Path cacheDir,
        Path dataDir,
        ProgressListener progress) {

    public BackendEnvironment {
        settings = Map.copyOf(settings == null ? Map.of() : settings);
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        model = model == null ? Optional.empty() : model;
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(dataDir, "dataDir");
        progress = progress == null ? ProgressListener.NONE : progress;
    }

    /** A setting, or {@code fallback} when it is absent. */
    public String setting(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    /** An environment variable, empty when unset or blank. */
    public Optional<String> env(String name) {
        String v = environment.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }
}
