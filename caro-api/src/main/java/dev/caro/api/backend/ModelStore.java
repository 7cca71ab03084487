package dev.caro.api.backend;

import dev.caro.api.Experimental;
import java.util.List;
import java.util.Optional;

/**
 * The downloadable models of a backend, for {@code caro models list|pull|remove|verify}.
 * Obtained from {@link ModelBackendProvider#modelStore(BackendEnvironment)}; backends without
 * models of their own have none.
 *
 * <p>Methods other than {@link #list()} and {@link #find(String)} may take long (network, hashing
 * gigabytes); they report through the given or the environment's {@link ProgressListener}. None
 * loads a model into memory.
 */
@Experimental(since = "1.0")
public interface ModelStore {

    /** The store's models, catalog order, with their local state. Cheap; never null. */
    List<ModelInfo> list();

    /** The model with this id, or empty. Cheap. */
    Optional<ModelInfo> find(String id);

    /**
     * Downloads the model unless it is already present, verifying it before it is used.
     *
     * @return the model's state afterwards, with its path
     * @throws BackendException with a user-facing message (unknown id, offline, not found, refused,
     *     disk full, corrupt download)
     * @throws InterruptedException when interrupted; a partial download may be resumed later
     */
    ModelInfo pull(String id, ProgressListener progress) throws BackendException, InterruptedException;

    /**
     * Deletes the model's downloaded file (and any partial download).
     *
     * @return whether there was anything to delete
     * @throws BackendException for an unknown id or a file that cannot be deleted
     */
    boolean remove(String id) throws BackendException;

    /**
     * Checks the downloaded file completely (size, format, checksum).
     *
     * @return the model's state when the file is sound
     * @throws BackendException saying what is wrong and how to fix it, e.g. not downloaded or corrupt
     */
    ModelInfo verify(String id, ProgressListener progress) throws BackendException;
}
