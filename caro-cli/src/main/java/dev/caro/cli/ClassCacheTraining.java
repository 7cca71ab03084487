package dev.caro.cli;

import dev.caro.core.config.CaroPaths;
import dev.caro.core.context.ContextDetector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The workload the launcher runs once to record caro's class data sharing archive (AppCDS on Java
 * 17-23, the AOT cache on 24+): the everyday start-up paths, in a throw-away home directory so
 * that the user's config, history and plugins are neither read nor written.
 */
final class ClassCacheTraining {

    /** Command lines whose classes the archive should hold. */
    static final List<List<String>> RUNS = List.of(
            List.of("--version"),
            List.of("--help"),
            List.of("check", "rm -rf /"),
            List.of("check", "ls -la ~/Downloads | grep pdf"),
            List.of("-b", "offline", "-q", "list files"),
            List.of("-b", "offline", "find pdf files over 10MB in Downloads"));

    /**
     * Classes every real start loads that the runs above do not (they have no terminal). A class
     * missing from the archive is read from its jar instead, which opens and checks the jar: a
     * few milliseconds.
     */
    static final List<Class<?>> ALSO_LOADED = List.of(SttyTerminal.class, ClassPathWarmer.class);

    private ClassCacheTraining() {}

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("caro-training");
        try {
            for (List<String> run : RUNS) {
                run(home, run.toArray(new String[0]));
            }
            throughServer(home);
        } finally {
            delete(home);
        }
        System.exit(0); // as Main does: no stray non-daemon thread may keep the JVM from writing the archive
    }

    /** Runs one command line and returns its exit code; its output is discarded. */
    static int run(Path home, String... args) {
        Map<String, String> env = trainingEnv(home);
        CliEnvironment cli = new CliEnvironment(env, new ByteArrayInputStream(new byte[0]),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false, false,
                ContextDetector.current(), CaroPaths.from(env, home), false);
        return Main.run(cli, args);
    }

    /**
     * The client's path ({@link Launch}): finding the socket, connecting, sending a line and
     * reading the answer, against a server in this process on a socket in {@code home}. Without it
     * the client's socket classes would be read from the JDK's modules at every start.
     */
    static int throughServer(Path home) throws IOException {
        Map<String, String> env = new HashMap<>(trainingEnv(home));
        env.put("XDG_RUNTIME_DIR", home.toString());
        String base = CliServerFiles.baseIfPrivate(env);
        if (base == null || !CliServerFiles.preparePrivate(Path.of(base).getParent()) || !CliServerFiles.makePipes(base)) {
            return -1; // no mkfifo: the client's path stays out of the archive
        }
        Files.writeString(Path.of(base + ".pid"), ProcessHandle.current().pid() + "\n");
        try (CliServer server = new CliServer(base)) {
            ServeOne serving = new ServeOne(server);
            serving.start();
            int code = Launch.exchange(base, 1, Launch.request(1, new String[] {"check", "rm -rf /"}, Map.copyOf(env), "",
                    home.toString(), home.toString()),
                    new java.util.ArrayList<>(), 10_000);
            serving.join(1_000);
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The server's side of one exchange, on a thread of its own (a daemon: it cannot block the exit). */
    static final class ServeOne extends Thread {
        private final CliServer server;

        ServeOne(CliServer server) {
            super("caro-cli-server-once");
            this.server = server;
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                server.serveOne();
            } catch (IOException e) {
                // the client gives up after its deadline
            }
        }
    }

    private static Map<String, String> trainingEnv(Path home) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("HOME", home.toString());
        env.keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("CARO_"));
        return Map.copyOf(env);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
