package dev.caro.backend.llamacpp;

import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ProgressListener;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Finds the model server for one model and settings, or starts it: under a lock file (so two
 * caro processes never start two servers), a stale socket left by a killed server is removed and
 * a detached JVM is spawned with caro's own Java, class path and native-library properties.
 */
final class ServerLauncher {

    /** Loading a large model from a slow disk takes a while; longer than this is a failure. */
    static final Duration START_DEADLINE = Duration.ofSeconds(120);
    /** A live server answers a ping at once, even while it generates. */
    private static final long PING_MS = 5_000;

    /** Threads of one JVM share a file lock, so they also take this per-socket monitor. */
    private static final Map<Path, Object> LOCAL_LOCKS = new ConcurrentHashMap<>();
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "caro-server-client-timer");
        t.setDaemon(true);
        return t;
    });

    private final ServerFiles files;
    private final String model;
    private final String modelName;
    private final Path cacheDir;
    private final Map<String, String> settings;
    private final Duration idle;
    private final ProgressListener progress;

    /**
     * @param model the model as the server resolves it: a catalog id or an absolute path
     * @param modelName what messages call it
     */
    ServerLauncher(ServerFiles files, String model, String modelName, Path cacheDir, Map<String, String> settings,
            Duration idle, ProgressListener progress) {
        this.files = files;
        this.model = model;
        this.modelName = modelName;
        this.cacheDir = cacheDir;
        this.settings = new TreeMap<>(settings);
        this.idle = idle;
        this.progress = progress;
    }

    ServerFiles files() {
        return files;
    }

    Duration idle() {
        return idle;
    }

    static ScheduledExecutorService timers() {
        return TIMERS;
    }

    /**
     * The pid of the running server, started first if none answers.
     *
     * @throws BackendException when it cannot be started; the message is the server's own reason
     */
    long ensureRunning() throws BackendException {
        Optional<Long> pid = ping(files.socket());
        if (pid.isPresent()) {
            return pid.get();
        }
        synchronized (LOCAL_LOCKS.computeIfAbsent(files.socket(), k -> new Object())) {
            try (FileChannel lockFile = FileChannel.open(files.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                pid = ping(files.socket()); // another caro may have started it while we waited
                if (pid.isPresent()) {
                    return pid.get();
                }
                Files.deleteIfExists(files.socket()); // no server answers on it: left by a killed one
                return start();
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new BackendException("interrupted while starting the model server", e);
                }
                throw new BackendException("cannot start the model server in " + files.dir() + ": " + e.getMessage()
                        + "; use --no-daemon to load the model in caro itself", e);
            }
        }
    }

    private long start() throws IOException, BackendException {
        Files.deleteIfExists(files.log());
        Files.createFile(files.log());
        ServerFiles.ownerOnly(files.log());
        Process process = new ProcessBuilder(command())
                .directory(files.dir().toFile()) // not the user's directory, which it would keep busy
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
                .redirectErrorStream(true)
                .start();
        progress.started("Starting the model server for " + modelName, -1);
        try {
            long deadline = System.nanoTime() + START_DEADLINE.toNanos();
            long sleep = 5;
            while (true) {
                Optional<Long> pid = ping(files.socket());
                if (pid.isPresent()) {
                    return pid.get();
                }
                if (!process.isAlive()) {
                    throw new BackendException(failure(process.exitValue()));
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new BackendException("the model server did not start within " + START_DEADLINE.toSeconds()
                            + " s; see " + files.log());
                }
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the server keeps loading for the next request
                    throw new BackendException("interrupted while the model server was starting", e);
                }
                sleep = Math.min(100, sleep * 2);
            }
        } finally {
            progress.finished();
        }
    }

    /** The server's own reason from its log, as the in-process backend would have said it. */
    private String failure(int exitCode) {
        try {
            List<String> lines = Files.readAllLines(files.log(), StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                int at = lines.get(i).indexOf(" error: ");
                if (at >= 0) {
                    return lines.get(i).substring(at + " error: ".length());
                }
            }
        } catch (IOException e) {
            // fall through to the generic message
        }
        return "the model server exited with code " + exitCode + " before answering; see " + files.log();
    }

    private List<String> command() {
        List<String> cmd = new ArrayList<>();
        // setsid takes the server out of the terminal's session, so closing the terminal leaves it be.
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                cmd.add(setsid);
                break;
            }
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseSerialGC");
        cmd.add("-Xmx64m"); // the model lives in native memory; the heap holds only requests
        // A library path caro set itself in this process points into a cache the server finds on its own
        // (and that may be gone by now); one the user or the launcher chose is passed on.
        List<String> properties = NativeLibrary.setByCaro() ? List.of("java.io.tmpdir")
                : List.of(NativeLibrary.LIB_PATH_PROPERTY, NativeLibrary.TMPDIR_PROPERTY, "java.io.tmpdir");
        for (String property : properties) {
            String value = System.getProperty(property);
            if (value != null) {
                cmd.add("-D" + property + "=" + value);
            }
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ModelServer.class.getName(),
                files.dir().toString(), files.name(), cacheDir.toAbsolutePath().toString(), model,
                String.valueOf(idle.toMillis())));
        settings.forEach((k, v) -> cmd.add(k + "=" + v));
        return cmd;
    }

    /**
     * What a server says about itself in reply to a ping.
     *
     * @param idleLeftMillis until it exits for idleness; -1 while it answers a request
     */
    record Status(long pid, String model, long idleMillis, long idleLeftMillis) {}

    /**
     * The pid of the server answering on {@code socket}; empty when there is no socket, nobody
     * listens on it, or the server does not answer within a few seconds.
     */
    static Optional<Long> ping(Path socket) {
        return status(socket).map(Status::pid);
    }

    /** As {@link #ping}, with everything the server said. */
    static Optional<Status> status(Path socket) {
        if (!Files.exists(socket)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ScheduledFuture<?> timeout = TIMERS.schedule(() -> close(channel), PING_MS, TimeUnit.MILLISECONDS);
            try {
                channel.connect(UnixDomainSocketAddress.of(socket));
                new ServerProtocol.Writer(ServerProtocol.PING).writeTo(channel);
                ServerProtocol.Frame reply = ServerProtocol.read(channel);
                if (reply.type() != ServerProtocol.PONG) {
                    return Optional.empty();
                }
                return Optional.of(new Status(reply.readLong(), reply.readString(), reply.readLong(), reply.readLong()));
            } finally {
                timeout.cancel(false);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Asks the server on {@code socket} to exit.
     *
     * @return whether a server answered
     */
    static boolean stop(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            new ServerProtocol.Writer(ServerProtocol.STOP).writeTo(channel);
            return ServerProtocol.read(channel).type() == ServerProtocol.STOPPING;
        } catch (IOException e) {
            return false;
        }
    }

    static void close(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
