package dev.caro.api.backend;

import dev.caro.api.Experimental;
import java.util.List;

/**
 * The background processes a backend keeps running between caro invocations (the llama.cpp
 * backend's model servers), for {@code caro daemon status|stop}. Obtained from
 * {@link ModelBackendProvider#servers(BackendEnvironment)}; backends that run in caro's own
 * process have none.
 */
@Experimental(since = "1.2")
public interface BackgroundServers {

    /**
     * The servers that answer now, each asked for its state. Must not start a server or load a
     * model; may take up to a few seconds per unresponsive server. Never null.
     */
    List<BackgroundServer> list();

    /**
     * Asks {@code server} to exit and waits briefly for it to go.
     *
     * @return whether it answered and exited; false when it was already gone
     */
    boolean stop(BackgroundServer server);
}
