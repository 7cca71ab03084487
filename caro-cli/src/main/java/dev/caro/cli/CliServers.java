package dev.caro.cli;

import dev.caro.api.backend.BackgroundServer;
import dev.caro.api.backend.BackgroundServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The resident CLI servers ({@link CliServer}) in the user's run directory, of this build and any
 * other, for {@code caro daemon status|stop}: each {@code cli-*.pid} that names a live CLI
 * server process. The pid file holds the pid and the idle time in seconds; the server touches it
 * after each request, so the time left before its idle exit is known without asking it.
 */
final class CliServers implements BackgroundServers {

    /** What {@code caro daemon} calls a CLI server in place of a model. */
    static final String NAME = "caro check and offline requests";

    private final Path dir;

    CliServers(Map<String, String> env) {
        this.dir = Path.of(Launch.directory(env));
    }

    @Override
    public List<BackgroundServer> list() {
        List<BackgroundServer> found = new ArrayList<>();
        if (!Files.isDirectory(dir) || !Launch.isPrivate(dir)) {
            return found;
        }
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(dir, "cli-*.pid")) {
            for (Path pidFile : pids) {
                server(pidFile).ifPresent(found::add);
            }
        } catch (IOException e) {
            // an unreadable directory lists nothing, as an empty one
        }
        found.sort((a, b) -> Long.compare(a.pid(), b.pid()));
        return found;
    }

    private static Optional<BackgroundServer> server(Path pidFile) {
        try {
            String[] lines = Files.readString(pidFile, StandardCharsets.UTF_8).split("\n");
            long pid = Long.parseLong(lines[0].strip());
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            if (process.isEmpty() || !process.get().isAlive() || !isCliServer(process.get())) {
                return Optional.empty();
            }
            Optional<Duration> left = Optional.empty();
            if (lines.length > 1) {
                Duration idle = Duration.ofSeconds(Long.parseLong(lines[1].strip()));
                Duration since = Duration.between(Files.getLastModifiedTime(pidFile).toInstant(), Instant.now());
                left = Optional.of(idle.minus(since).isNegative() ? Duration.ZERO : idle.minus(since));
            }
            String name = pidFile.getFileName().toString();
            String base = pidFile.resolveSibling(name.substring(0, name.length() - ".pid".length())).toString();
            return Optional.of(new BackgroundServer(NAME, pid, base + ".in", left, Optional.of(Path.of(base + ".log"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A pid file may outlive its server, and the pid be reused: the process must be a CLI server. */
    private static boolean isCliServer(ProcessHandle p) {
        Optional<String[]> args = p.info().arguments();
        if (args.isEmpty()) {
            return true; // this system does not tell; the pid file is the user's own
        }
        for (String a : args.get()) {
            if (a.equals(CliServer.class.getName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean stop(BackgroundServer server) {
        Optional<ProcessHandle> p = ProcessHandle.of(server.pid());
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        p.get().destroy(); // SIGTERM: the server removes its pid file and pipes on the way out
        try {
            p.get().onExit().get(10, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }
}
