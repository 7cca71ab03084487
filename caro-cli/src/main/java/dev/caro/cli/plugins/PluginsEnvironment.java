package dev.caro.cli.plugins;

import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.CaroPaths;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@code caro plugins} needs from the process: streams, whether standard input is a
 * terminal (to ask before installing), the plugins directory and the Maven repository.
 *
 * @param env environment variables; {@value #ALLOW_LOOPBACK_HTTP} set to {@code 1} lets
 *     {@code install} use plain http to 127.0.0.1 / localhost (for testing a local repository;
 *     anything else must be https)
 * @param repository the Maven repository from config ({@code plugins.repository}), if set; read
 *     only when a command needs it, so an unrelated config problem cannot break {@code list}
 */
public record PluginsEnvironment(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err,
        boolean stdinTerminal, Path pluginsDir, Supplier<Optional<String>> repository) {

    /** Allows plain http to this machine only; documented as a testing aid. */
    public static final String ALLOW_LOOPBACK_HTTP = "CARO_PLUGINS_ALLOW_LOOPBACK_HTTP";
    public static final String MAVEN_CENTRAL = "https://repo.maven.apache.org/maven2";

    public PluginsEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        Supplier<Optional<String>> source = repository == null ? Optional::empty : repository;
        repository = () -> source.get().filter(r -> !r.isBlank());
    }

    /** With a repository known up front (tests). */
    public PluginsEnvironment(Map<String, String> env, InputStream in, PrintWriter out, PrintWriter err,
            boolean stdinTerminal, Path pluginsDir, Optional<String> repository) {
        this(env, in, out, err, stdinTerminal, pluginsDir, () -> repository);
    }

    /**
     * The real process: {@code CARO_PLUGINS_DIR}, else {@code $XDG_DATA_HOME/caro/plugins}, else
     * {@code ~/.local/share/caro/plugins}; the repository from caro's config file.
     */
    public static PluginsEnvironment system(PrintWriter out, PrintWriter err) {
        CaroPaths paths = CaroPaths.current();
        Supplier<Optional<String>> repository = () -> CaroConfig.load(paths.configFile()).get("plugins.repository");
        return new PluginsEnvironment(System.getenv(), System.in, out, err, System.console() != null,
                paths.pluginsDir(), repository);
    }

    boolean loopbackHttpAllowed() {
        return "1".equals(env.get(ALLOW_LOOPBACK_HTTP));
    }

    String mavenRepository() {
        return repository.get().orElse(MAVEN_CENTRAL).replaceAll("/+$", "");
    }
}
