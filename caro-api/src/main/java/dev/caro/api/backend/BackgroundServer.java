package dev.caro.api.backend;

import dev.caro.api.Experimental;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One running server of {@link BackgroundServers}.
 *
 * @param model what the server serves, as messages name it; never null
 * @param pid its process id
 * @param address where it listens, e.g. a Unix socket path; never null
 * @param idleLeft how long it stays up without a request; empty while it answers one or when unknown
 * @param log its log file, if it writes one
 */
@Experimental(since = "1.2")
public record BackgroundServer(String model, long pid, String address, Optional<Duration> idleLeft, Optional<Path> log) {

    public BackgroundServer {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(address, "address");
        idleLeft = idleLeft == null ? Optional.empty() : idleLeft;
        log = log == null ? Optional.empty() : log;
    }
}
