package dev.caro.cli;

import dev.caro.core.config.ConfigKey;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Which command lines the resident CLI server ({@link CliServer}) answers: those that are pure
 * computation on the command line's own words and print the same bytes wherever they run, so that
 * nothing needs the client's terminal, standard input or process.
 * <ul>
 * <li>{@code caro check 'CMD'...}: the commands on the command line, not {@code -} (standard input);</li>
 * <li>a request with its words or {@code -p} on the command line, answered by the offline backend
 * (chosen by {@code -b offline}, {@code CARO_BACKEND} or the config file), that neither runs
 * ({@code -x}) nor explains ({@code --explain} reads manual pages, running {@code man}) nor offers
 * the menu (standard input and output both terminals, without {@code -q});</li>
 * <li>both only as {@link SimpleCommandLine} parses them (picocli's lines and errors are not served),
 * with no plugin jar installed (plugin code could read the server's own process state), no
 * {@code CARO_DEBUG} (its stack traces are the process's), and {@code CARO_CONFIG} /
 * {@code CARO_PLUGINS_DIR}, when set, absolute (relative ones name the client's directory).</li>
 * </ul>
 * Anything that cannot be told (an unreadable config, say) is not served: the client runs it and
 * reports the problem itself.
 */
final class ServedLines {

    private ServedLines() {}

    /** Whether the server may answer {@code args} for a client in {@code env}. */
    static boolean serves(CliEnvironment env, String[] args) {
        if (env.env().containsKey("CARO_DEBUG") || relative(env.env().get("CARO_CONFIG"))
                || relative(env.env().get("CARO_PLUGINS_DIR"))) {
            return false;
        }
        CaroCommand root = new CaroCommand(env);
        try {
            Optional<Callable<Integer>> parsed = SimpleCommandLine.parse(root, args);
            if (parsed.isEmpty() || pluginJars(env.paths().pluginsDir())) {
                return false;
            }
            if (parsed.get() instanceof CheckCommand check) {
                return !List.of("-").equals(check.words);
            }
            boolean hasRequest = root.prompt != null || (root.words != null && !root.words.isEmpty());
            if (!hasRequest || root.execute || root.explain || (env.interactive() && !root.quiet)) {
                return false;
            }
            Optional<String> backend = root.session().settings().get(ConfigKey.BACKEND);
            return backend.isPresent() && (backend.get().equals("offline") || backend.get().equals("caro.offline"));
        } catch (RuntimeException e) {
            return false;
        } finally {
            root.session().close();
        }
    }

    private static boolean relative(String path) {
        try {
            return path != null && !path.isBlank() && !Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return true;
        }
    }

    private static boolean pluginJars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            return true; // cannot tell: let the client's own process look
        }
    }
}
