package dev.caro.backend.llamacpp;

import dev.caro.api.backend.BackendEnvironment;
import dev.caro.api.backend.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A separate caro process that connects to the model server for a model, starting it if none
 * answers, and prints the server's pid ({@code server: PID}); for tests of several processes at
 * once. In this package because the client is package-private. Arguments: MODEL CACHE_DIR.
 */
public final class ConnectOnce {

    private ConnectOnce() {}

    public static void main(String[] args) throws Exception {
        BackendEnvironment env = new BackendEnvironment(Map.of("threads", "1", "context", "256", "max_tokens", "8",
                "idle", "60s"), Map.of(), Optional.of(args[0]), Path.of(args[1]), Path.of(args[1]), ProgressListener.NONE);
        ModelServerClient client = (ModelServerClient) new LlamaCppBackendProvider().create(env);
        System.out.println("server: " + client.serverPid());
        System.exit(0);
    }
}
