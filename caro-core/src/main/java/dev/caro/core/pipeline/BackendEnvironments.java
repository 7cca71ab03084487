package dev.caro.core.pipeline;

import dev.caro.api.backend.Availability;
import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ModelBackendProvider;
import dev.caro.api.backend.ProgressListener;
import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.CaroPaths;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link BackendEnvironment} each backend receives: its own config table, paths, model choice. */
public final class BackendEnvironments {

    private final CaroConfig config;
    private final CaroPaths paths;
    private final Map<String, String> env;
    private final Optional<String> model;
    private final ProgressListener progress;

    public BackendEnvironments(CaroConfig config, CaroPaths paths, Map<String, String> env, Optional<String> model,
            ProgressListener progress) {
        this.config = config;
        this.paths = paths;
        this.env = env;
        this.model = model;
        this.progress = progress;
    }

    /** The environment for the backend {@code id}; settings come from {@code [backends.<name>]} (prefix optional). */
    public BackendEnvironment forBackend(String id) {
        Map<String, String> settings = config.backendSettings(id);
        if (settings.isEmpty() && id.startsWith("caro.")) {
            settings = config.backendSettings(id.substring(5));
        }
        return new BackendEnvironment(settings, env, model, paths.cacheDir(), paths.dataDir(), progress);
    }

    /**
     * Asks {@code provider} whether it can be used here. A provider whose check throws or returns
     * nothing is reported unavailable with the reason, never propagated.
     */
    public Availability availability(ModelBackendProvider provider) {
        try {
            Availability a = provider.availability(forBackend(provider.id()));
            return a == null ? Availability.unavailable("availability check returned nothing", "") : a;
        } catch (RuntimeException | LinkageError e) {
            return Availability.unavailable("availability check failed: " + e, "");
        }
    }

    public CaroPaths paths() {
        return paths;
    }
}
