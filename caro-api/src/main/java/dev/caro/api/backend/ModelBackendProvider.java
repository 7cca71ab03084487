package dev.caro.api.backend;

import dev.caro.api.Stable;
import java.util.Optional;

/**
 * Cheap description of a backend, found through {@link java.util.ServiceLoader} (built-ins and
 * plugins alike). Implementations must have a public no-argument constructor, must not load
 * models, native libraries or open network connections in the constructor, {@link #id()},
 * {@link #rank()} or the flags; caro calls these for every invocation, including
 * {@code caro --help}.
 *
 * <p>The heavy part is created by {@link #create(BackendEnvironment)} only when the backend is
 * actually used.
 */
@Stable(since = "1.0")
public interface ModelBackendProvider {

    /**
     * Unique, stable id: lower case letters, digits, {@code .}, {@code -} and {@code _}, for
     * example {@code ollama} or {@code acme.remote}. Ids starting with {@code caro.} are reserved
     * for built-ins; users may omit that prefix when selecting one. Never null.
     */
    String id();

    /** One line for {@code caro backends list}. Never null. */
    String description();

    /**
     * Preference when the user selected nothing: the available backend with the highest rank
     * is tried first and the others follow in descending rank. Built-ins use 100 (embedded
     * model), 50 (other embedded) and 10 (offline rules).
     */
    int rank();

    /** Whether the backend works with no network at all. */
    boolean worksOffline();

    /** Whether the backend needs a model file or a model server. */
    boolean needsModel();

    /**
     * Whether the backend can be created in {@code environment}, and if not, why. Must be cheap:
     * check files and settings, never load a model; a network probe must not block for more than
     * a few hundred milliseconds. Never null; must not throw.
     */
    Availability availability(BackendEnvironment environment);

    /**
     * Creates the backend. May load models and native libraries. The caller closes the result.
     *
     * @throws BackendException with a user-facing message when creation fails
     */
    ModelBackend create(BackendEnvironment environment) throws BackendException;

    /**
     * The downloadable models of this backend, if it manages any ({@code caro models …}). Must be
     * as cheap as {@link #availability}: no model loading, no network. Empty by default.
     *
     * @since API 1.0, experimental: see {@link ModelStore}
     */
    default Optional<ModelStore> modelStore(BackendEnvironment environment) {
        return Optional.empty();
    }

    /**
     * The background servers this backend keeps running, if it uses any ({@code caro daemon …}).
     * Must be as cheap as {@link #availability}: never starts a server. Empty by default.
     *
     * @since API 1.2, experimental: see {@link BackgroundServers}
     */
    default Optional<BackgroundServers> servers(BackendEnvironment environment) {
        return Optional.empty();
    }
}
