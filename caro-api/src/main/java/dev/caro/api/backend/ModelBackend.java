package dev.caro.api.backend;

import dev.caro.api.Stable;

/**
 * Turns a natural-language request into candidate shell commands. Created by
 * {@link ModelBackendProvider#create(BackendEnvironment)}; may hold a loaded model, so callers
 * close it. Implementations must be safe to call from one thread at a time; caro never calls one
 * instance concurrently.
 *
 * <p>A backend either answers with commands ({@link Generation#of}) or with raw model text
 * ({@link Generation#ofText}), from which caro extracts the command with the same code for every
 * backend. A backend that has no good answer returns {@link Generation#none(String)} so that caro
 * tries the next backend in the chain: a wrong command is worse than none.
 *
 * <p>Backends never execute commands and never judge safety; caro does both afterwards.
 */
@Stable(since = "1.0")
public interface ModelBackend extends AutoCloseable {

    /**
     * Generates an answer for {@code request}. Never returns null.
     *
     * @throws BackendException when the backend fails (model error, timeout, unreachable server);
     *     caro then falls back to the next backend
     * @throws InterruptedException when the calling thread was interrupted (Ctrl-C)
     */
    Generation generate(GenerationRequest request) throws BackendException, InterruptedException;

    /** Releases models, native memory and connections. Idempotent. */
    @Override
    default void close() {}
}
