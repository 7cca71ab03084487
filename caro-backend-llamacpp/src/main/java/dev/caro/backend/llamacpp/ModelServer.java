package dev.caro.backend.llamacpp;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.ProgressListener;
import java.io.IOException;
import java.net.BindException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The background model server: one JVM that keeps one model loaded, so that llama.cpp's cached
 * prompt prefix (system prompt and examples) survives from one caro invocation to the next.
 * Started by {@link ServerLauncher}; answers {@link ServerProtocol} requests on a Unix socket, one
 * generation at a time, and exits after the idle time.
 *
 * <p>Usage: {@code java -cp … dev.caro.backend.llamacpp.ModelServer RUN_DIR NAME CACHE_DIR MODEL
 * IDLE_MS [key=value …]}, where the pairs are the backend's settings. Everything it has to say goes
 * to standard error, which the launcher points at {@code <RUN_DIR>/<NAME>.log}; a line with
 * {@code error: } is the reason it could not start.
 */
public final class ModelServer {

    /** A client must send its whole request within this time, so a silent one cannot pin the server. */
    private static final long REQUEST_READ_MS = 10_000;

    private final ServerFiles files;
    private final LlamaCppBackend backend;
    private final String modelName;
    /** Set at start, then by each request: the idle time of the caro that asked last applies. */
    private volatile Duration idle;
    private final ReentrantLock generating = new ReentrantLock(true);
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "caro-server-timer");
        t.setDaemon(true);
        return t;
    });
    private ServerSocketChannel listener;
    private Object socketKey;
    private ScheduledFuture<?> idleCheck;

    private ModelServer(ServerFiles files, LlamaCppBackend backend, String modelName, Duration idle) {
        this.files = files;
        this.backend = backend;
        this.modelName = modelName;
        this.idle = idle;
    }

    public static void main(String[] args) {
        ignoreTerminalSignals();
        int code = 0;
        try {
            if (args.length < 5) {
                throw new IllegalArgumentException("usage: ModelServer RUN_DIR NAME CACHE_DIR MODEL IDLE_MS [key=value ...]");
            }
            ServerFiles files = new ServerFiles(Path.of(args[0]), args[1]);
            Path cache = Path.of(args[2]);
            Duration idle = Duration.ofMillis(Long.parseLong(args[4]));
            Map<String, String> settings = new HashMap<>();
            for (int i = 5; i < args.length; i++) {
                int eq = args[i].indexOf('=');
                settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
            }
            log("starting (pid " + ProcessHandle.current().pid() + ", model " + args[3] + ", idle " + idle + ")");
            long t0 = System.nanoTime();
            BackendEnvironment env = new BackendEnvironment(settings, System.getenv(), Optional.of(args[3]), cache,
                    cache, ProgressListener.NONE);
            LlamaCppBackendProvider provider = new LlamaCppBackendProvider();
            LlamaCppBackend backend = provider.loadInProcess(env);
            log(String.format(java.util.Locale.ROOT, "model loaded in %.2f s", (System.nanoTime() - t0) / 1e9));
            new ModelServer(files, backend, provider.choose(env).name(), idle).serve();
        } catch (BackendException | RuntimeException | IOException e) {
            log("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            code = 3;
        }
        // java-llama.cpp leaves a non-daemon native thread behind: only System.exit ends the JVM.
        System.exit(code);
    }

    /**
     * A terminal's Ctrl-C or hang-up reaches every process of its process group; the server, started
     * from caro in that group, must outlive them. SIGTERM still stops it cleanly.
     */
    private static void ignoreTerminalSignals() {
        for (String name : List.of("INT", "HUP")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sun.misc.SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException | LinkageError e) {
                // not available here; the launcher's setsid (where present) detaches the server anyway
            }
        }
    }

    static void log(String message) {
        System.err.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + message);
        System.err.flush();
    }

    private void serve() throws IOException {
        bind();
        Runtime.getRuntime().addShutdownHook(new Thread(this::removeFiles, "caro-server-cleanup"));
        scheduleIdleCheck();
        log("listening on " + files.socket());
        while (!stopping.get()) {
            SocketChannel client;
            try {
                client = listener.accept();
            } catch (ClosedChannelException e) {
                break; // stop() closed it
            }
            active.incrementAndGet(); // the idle time counts from the end of the last request
            Thread t = new Thread(() -> handle(client), "caro-server-client");
            t.setDaemon(true);
            t.start();
        }
        removeFiles();
        log("stopped");
    }

    /** Binds the socket; a stale socket file left by a killed server is replaced, a live one wins. */
    private void bind() throws IOException {
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(files.socket());
        listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            listener.bind(address);
        } catch (BindException e) {
            if (ServerLauncher.ping(files.socket()).isPresent()) {
                throw new IOException("another model server already answers on " + files.socket());
            }
            Files.deleteIfExists(files.socket());
            listener.bind(address);
        }
        // The directory already keeps other users out; this keeps the socket itself owner-only too.
        ServerFiles.ownerOnly(files.socket());
        socketKey = Files.readAttributes(files.socket(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        Files.writeString(files.pid(), ProcessHandle.current().pid() + "\n");
    }

    /** Deletes the socket and pid file, unless another server has replaced them meanwhile. */
    private synchronized void removeFiles() {
        try {
            Path socket = files.socket();
            if (socketKey != null && Files.exists(socket, LinkOption.NOFOLLOW_LINKS) && Objects.equals(socketKey,
                    Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey())) {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(files.pid());
            }
            socketKey = null;
        } catch (IOException e) {
            log("cannot remove " + files.socket() + ": " + e.getMessage());
        }
    }

    /** Checks a quarter as often as the idle time, at most once a second. */
    private synchronized void scheduleIdleCheck() {
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        long tick = Math.max(20, Math.min(1000, idle.toMillis() / 4));
        idleCheck = timers.scheduleWithFixedDelay(this::exitWhenIdle, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void changeIdle(Duration requested) {
        if (!requested.equals(idle)) {
            log("idle time now " + requested + " (was " + idle + ")");
            idle = requested;
            scheduleIdleCheck();
        }
    }

    /** Milliseconds until the server exits for idleness; -1 while it answers a request. */
    private long idleLeftMillis() {
        // This ping's own connection counts as active.
        if (active.get() > 1) {
            return -1;
        }
        long quiet = System.nanoTime() - lastActivity.get();
        return Math.max(0, (idle.toNanos() - quiet) / 1_000_000);
    }

    private void exitWhenIdle() {
        long quiet = System.nanoTime() - lastActivity.get();
        if (active.get() == 0 && quiet > idle.toNanos()) {
            log("idle for " + idle + ", exiting");
            stop();
        }
    }

    private void stop() {
        if (stopping.compareAndSet(false, true)) {
            try {
                listener.close(); // ends accept() in serve()
            } catch (IOException e) {
                log("cannot close the socket: " + e.getMessage());
            }
        }
    }

    private void handle(SocketChannel client) {
        // Closed in finally, not by try-with-resources, which would close it before the error reply.
        boolean ping = false;
        try {
            ScheduledFuture<?> tooSlow = timers.schedule(() -> closeQuietly(client), REQUEST_READ_MS, TimeUnit.MILLISECONDS);
            ServerProtocol.Frame request;
            try {
                request = ServerProtocol.read(client);
            } finally {
                tooSlow.cancel(false);
            }
            ping = request.type() == ServerProtocol.PING;
            switch (request.type()) {
                case ServerProtocol.PING -> new ServerProtocol.Writer(ServerProtocol.PONG)
                        .putLong(ProcessHandle.current().pid()).putString(modelName).putLong(idle.toMillis())
                        .putLong(idleLeftMillis()).writeTo(client);
                case ServerProtocol.GENERATE -> generate(client, request);
                case ServerProtocol.STOP -> {
                    log("asked to stop");
                    new ServerProtocol.Writer(ServerProtocol.STOPPING).writeTo(client);
                    stop();
                }
                default -> throw new ServerProtocol.ProtocolException("unknown request type " + request.type());
            }
        } catch (ServerProtocol.ProtocolException e) {
            log("bad request: " + e.getMessage());
            try {
                new ServerProtocol.Writer(ServerProtocol.ERROR).putString("bad request: " + e.getMessage()).writeTo(client);
                discardUnread(client);
            } catch (IOException ignored) {
                // the client is gone; nothing to tell
            }
        } catch (IOException e) {
            log("client went away: " + e.getMessage());
        } catch (RuntimeException e) {
            log("request failed: " + e);
        } finally {
            closeQuietly(client);
            if (!ping) { // 'caro daemon status' asking must not keep the server alive
                lastActivity.set(System.nanoTime());
            }
            active.decrementAndGet();
        }
    }

    /**
     * Generates while a second thread watches the connection: the client closing it (Ctrl-C, its
     * timeout) or sending anything interrupts this thread, which cancels the generation between two
     * tokens and leaves the model ready for the next request.
     */
    private void generate(SocketChannel client, ServerProtocol.Frame request) throws IOException {
        long timeoutMs = request.readLong();
        long idleMs = request.readLong();
        List<ChatMessage> messages = ServerProtocol.messages(request);
        if (timeoutMs <= 0) {
            throw new ServerProtocol.ProtocolException("bad timeout " + timeoutMs);
        }
        if (idleMs <= 0) {
            throw new ServerProtocol.ProtocolException("bad idle time " + idleMs);
        }
        changeIdle(Duration.ofMillis(idleMs));
        log("request: " + messages.size() + " messages, timeout " + timeoutMs + " ms");
        Thread worker = Thread.currentThread();
        AtomicBoolean finished = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            try {
                client.read(ByteBuffer.allocate(1));
            } catch (IOException e) {
                // closed by either side; decided below
            }
            if (!finished.get()) {
                worker.interrupt();
            }
        }, "caro-server-watch");
        watcher.setDaemon(true);
        watcher.start();
        long start = System.nanoTime();
        ServerProtocol.Writer reply;
        try {
            generating.lockInterruptibly();
            try {
                Generation g = backend.complete(messages, Duration.ofMillis(timeoutMs));
                reply = new ServerProtocol.Writer(ServerProtocol.ANSWER).putString(g.rawText()).putString(g.note());
                log(g.note() + String.format(java.util.Locale.ROOT, " (%.2f s with waiting)", (System.nanoTime() - start) / 1e9));
            } finally {
                generating.unlock();
            }
        } catch (BackendException e) {
            reply = new ServerProtocol.Writer(ServerProtocol.ERROR).putString(e.getMessage());
            log("failed: " + e.getMessage());
        } catch (InterruptedException e) {
            log("cancelled by the client");
            return;
        } finally {
            finished.set(true);
        }
        reply.writeTo(client);
    }

    /**
     * Reads away what the client already sent: closing a Unix socket with unread data resets the
     * connection, and the client would lose the error message.
     */
    private static void discardUnread(SocketChannel client) throws IOException {
        client.configureBlocking(false);
        ByteBuffer buf = ByteBuffer.allocate(8192);
        for (int i = 0; i < 128 && client.read(buf) > 0; i++) {
            buf.clear();
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
