package dev.caro.backend.llamacpp;

import dev.caro.api.backend.BackgroundServer;
import dev.caro.api.backend.BackgroundServers;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The model servers running in one run directory ({@link ServerFiles#directory}), whatever their
 * model and settings: each {@code llama-*.sock} that answers a ping. A socket nobody answers on
 * (left by a killed server) is not listed; the next start replaces it.
 */
final class ModelServers implements BackgroundServers {

    /** A server asked to stop has finished its request by then, or is killed by its owner's hand. */
    private static final long STOP_WAIT_SECONDS = 10;

    private final Path dir;

    ModelServers(Path dir) {
        this.dir = dir;
    }

    @Override
    public List<BackgroundServer> list() {
        List<BackgroundServer> servers = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return servers;
        }
        List<Path> sockets = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "llama-*.sock")) {
            s.forEach(sockets::add);
        } catch (IOException e) {
            return servers;
        }
        sockets.sort(null);
        for (Path socket : sockets) {
            ServerLauncher.status(socket).ifPresent(st -> {
                String name = socket.getFileName().toString().replaceFirst("\\.sock$", "");
                Path log = dir.resolve(name + ".log");
                servers.add(new BackgroundServer(st.model(), st.pid(), socket.toString(),
                        st.idleLeftMillis() < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(st.idleLeftMillis())),
                        Files.exists(log) ? Optional.of(log) : Optional.empty()));
            });
        }
        return servers;
    }

    @Override
    public boolean stop(BackgroundServer server) {
        Path socket = Path.of(server.address());
        Optional<ServerLauncher.Status> now = ServerLauncher.status(socket);
        // Only the server that was listed: a new one may have taken the socket since.
        if (now.isEmpty() || now.get().pid() != server.pid() || !ServerLauncher.stop(socket)) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(server.pid());
        if (process.isEmpty()) {
            return true;
        }
        try {
            process.get().onExit().get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return !process.get().isAlive();
        }
    }
}
