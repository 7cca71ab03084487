package dev.caro.api.backend;

import dev.caro.api.Stable;

/** Receives progress of a long operation (download, model load). Calls come from any thread. */
@Stable(since = "1.0")
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(String task, long total) {}

        @Override
        public void advanced(long done) {}

        @Override
        public void finished() {}
    };

    /**
     * A task began.
     *
     * @param task short description, e.g. {@code "Downloading qwen2.5-coder-1.5b"}
     * @param total units of work (bytes), or -1 when unknown
     */
    void started(String task, long total);

    /** Total units done so far. */
    void advanced(long done);

    /** The task ended, successfully or not. */
    void finished();
}
