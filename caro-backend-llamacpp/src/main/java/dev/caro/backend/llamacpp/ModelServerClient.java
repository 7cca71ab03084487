package dev.caro.backend.llamacpp;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.BackendException;
import dev.caro.api.backend.ChatMessage;
import dev.caro.api.backend.Generation;
import dev.caro.api.backend.GenerationRequest;
import dev.caro.api.backend.ModelBackend;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The llama.cpp backend as caro's process sees it when the model runs in the background server:
 * each request is one connection to the server's socket. A server that is gone (killed, exited
 * while idle) is started again once and the request repeated; a second loss is reported.
 */
final class ModelServerClient implements ModelBackend {

    /** Prompt processing cannot be interrupted, so the server may overrun the timeout by this much. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final ServerLauncher launcher;
    private final String modelName;
    private volatile long pid;
    private volatile boolean closed;

    private ModelServerClient(ServerLauncher launcher, String modelName, long pid) {
        this.launcher = launcher;
        this.modelName = modelName;
        this.pid = pid;
    }

    /** Connects to the server for this model and settings, starting it if none answers. */
    static ModelServerClient start(ModelChoice choice, LlamaCppSettings settings, ServerSettings server,
            BackendEnvironment env) throws BackendException {
        ServerFiles files;
        try {
            files = ServerFiles.prepare(ServerFiles.directory(env), ServerFiles.key(choice, settings));
        } catch (IOException e) {
            throw new BackendException("cannot use the model server: " + e.getMessage()
                    + "; or run caro with --no-daemon", e);
        }
        String model = choice.entry().map(CatalogEntry::id).orElse(choice.path().toAbsolutePath().toString());
        ServerLauncher launcher = new ServerLauncher(files, model, choice.name(), env.cacheDir(), env.settings(),
                server.idle(), env.progress());
        return new ModelServerClient(launcher, choice.name(), launcher.ensureRunning());
    }

    /** The process id of the server that answered last. */
    long serverPid() {
        return pid;
    }

    ServerFiles files() {
        return launcher.files();
    }

    @Override
    public Generation generate(GenerationRequest request) throws BackendException, InterruptedException {
        if (closed) {
            throw new IllegalStateException("backend is closed");
        }
        List<ChatMessage> messages = request.messages().isEmpty()
                ? List.of(ChatMessage.user(request.prompt()))
                : request.messages();
        try {
            return exchange(messages, request.timeout());
        } catch (ServerGone first) {
            pid = launcher.ensureRunning();
            try {
                return exchange(messages, request.timeout());
            } catch (ServerGone second) {
                throw new BackendException("the model server for " + modelName + " stopped while answering, twice;"
                        + " see " + launcher.files().log() + ", or run caro with --no-daemon", second);
            }
        }
    }

    /** The server went away before answering (killed, crashed, exited while idle). */
    private static final class ServerGone extends Exception {
        private static final long serialVersionUID = 1L;

        ServerGone(IOException cause) {
            super(cause);
        }
    }

    private Generation exchange(List<ChatMessage> messages, Duration timeout)
            throws BackendException, InterruptedException, ServerGone {
        if (Thread.interrupted()) {
            throw new InterruptedException("generation cancelled");
        }
        AtomicBoolean overdue = new AtomicBoolean();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            long waitMs = Math.max(1, timeout.toMillis()) + GRACE.toMillis();
            ScheduledFuture<?> watchdog = ServerLauncher.timers().schedule(() -> {
                overdue.set(true);
                ServerLauncher.close(channel);
            }, waitMs, TimeUnit.MILLISECONDS);
            try {
                channel.connect(UnixDomainSocketAddress.of(launcher.files().socket()));
                ServerProtocol.generate(messages, Math.max(1, timeout.toMillis()), Math.max(1, launcher.idle().toMillis()))
                        .writeTo(channel);
                ServerProtocol.Frame reply = ServerProtocol.read(channel);
                return switch (reply.type()) {
                    case ServerProtocol.ANSWER -> new Generation(List.of(), reply.readString(), reply.readString());
                    case ServerProtocol.ERROR -> throw new BackendException(reply.readString());
                    default -> throw new ServerProtocol.ProtocolException("unexpected reply type " + reply.type());
                };
            } finally {
                watchdog.cancel(false);
            }
        } catch (ClosedByInterruptException e) {
            Thread.interrupted(); // reported by the exception instead; the server sees the closed connection and cancels
            throw new InterruptedException("generation cancelled");
        } catch (AsynchronousCloseException e) {
            if (overdue.get()) {
                throw new BackendException("the model server did not answer within " + timeout.plus(GRACE).toSeconds()
                        + " s; see " + launcher.files().log(), e);
            }
            throw new ServerGone(e);
        } catch (ServerProtocol.ProtocolException e) {
            throw new BackendException("the model server answered with a malformed message (" + e.getMessage()
                    + "); see " + launcher.files().log(), e);
        } catch (IOException e) {
            throw new ServerGone(e); // refused, reset or closed before the answer
        }
    }

    /** Nothing to release: the server keeps the model, and each request has its own connection. */
    @Override
    public void close() {
        closed = true;
    }
}
