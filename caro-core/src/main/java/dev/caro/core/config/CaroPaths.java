package dev.caro.core.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where caro keeps its files, following the XDG base directory conventions.
 *
 * @param configFile {@code $XDG_CONFIG_HOME/caro/config.toml} (or {@code CARO_CONFIG})
 * @param cacheDir {@code $XDG_CACHE_HOME/caro}: models, native libraries
 * @param dataDir {@code $XDG_DATA_HOME/caro}
 * @param stateDir {@code $XDG_STATE_HOME/caro}: history
 * @param pluginsDir {@code $XDG_DATA_HOME/caro/plugins} (or {@code CARO_PLUGINS_DIR})
 */
public record CaroPaths(Path configFile, Path cacheDir, Path dataDir, Path stateDir, Path pluginsDir) {

    /** Resolves the paths from environment variables, falling back to the XDG defaults under {@code home}. */
    public static CaroPaths from(Map<String, String> env, Path home) {
        Path config = xdg(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("caro");
        Path cache = xdg(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve("caro");
        Path data = xdg(env, "XDG_DATA_HOME", home.resolve(".local/share")).resolve("caro");
        Path state = xdg(env, "XDG_STATE_HOME", home.resolve(".local/state")).resolve("caro");
        Path configFile = nonBlank(env.get("CARO_CONFIG")) ? Path.of(env.get("CARO_CONFIG")) : config.resolve("config.toml");
        Path plugins = nonBlank(env.get("CARO_PLUGINS_DIR")) ? Path.of(env.get("CARO_PLUGINS_DIR")) : data.resolve("plugins");
        return new CaroPaths(configFile, cache, data, state, plugins);
    }

    /** The paths of the current process. */
    public static CaroPaths current() {
        return from(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private static Path xdg(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        // The XDG spec says relative values are invalid and must be ignored.
        return nonBlank(v) && Path.of(v).isAbsolute() ? Path.of(v) : fallback;
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
