package dev.caro.cli;

import dev.caro.core.history.HistoryEntry;
import dev.caro.core.history.HistoryFile;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * Appends what caro generated and ran to the history file, unless {@code history = false}.
 * Never fails the main job: when the file cannot be written it says so once and carries on.
 */
final class HistoryRecorder {

    /**
     * Where entries go instead of the file while the resident CLI server runs a line on this
     * thread ({@link #deferOnThisThread}): the server appends them only once the client has taken
     * its answer, as a client that gave up waiting runs the line, and writes its history, itself.
     */
    private static final ThreadLocal<List<Runnable>> DEFERRED = new ThreadLocal<>();

    private final HistoryFile file;
    private final boolean enabled;
    private final CliEnvironment env;
    private boolean warned;

    HistoryRecorder(HistoryFile file, boolean enabled, CliEnvironment env) {
        this.file = file;
        this.enabled = enabled;
        this.env = env;
    }

    void generated(String prompt, String command, String backend, String risk, String shell, String cwd) {
        write(new HistoryEntry(Instant.now(), "generated", prompt, command, backend, risk, shell, cwd, OptionalInt.empty()));
    }

    void executed(String prompt, String command, String backend, String risk, String shell, String cwd, int exitStatus) {
        write(new HistoryEntry(Instant.now(), "executed", prompt, command, backend, risk, shell, cwd, OptionalInt.of(exitStatus)));
    }

    /**
     * Until called again with null, entries written on this thread are added to {@code writes}
     * (each appends its entry when run, silently failing) instead of being appended at once.
     */
    static void deferOnThisThread(List<Runnable> writes) {
        if (writes == null) {
            DEFERRED.remove();
        } else {
            DEFERRED.set(writes);
        }
    }

    private void write(HistoryEntry entry) {
        if (!enabled) {
            return;
        }
        List<Runnable> deferred = DEFERRED.get();
        if (deferred != null) {
            // The client has its answer by then: a failure is reported by an in-process run of the line.
            deferred.add(new Runnable() {
                @Override
                public void run() {
                    append(entry, false);
                }
            });
            return;
        }
        append(entry, true);
    }

    /** Appends the entry; when it cannot be written, says so once if {@code report}. */
    private void append(HistoryEntry entry, boolean report) {
        try {
            file.append(entry);
        } catch (IOException | RuntimeException e) {
            if (report && !warned) {
                warned = true;
                env.err().println("caro: cannot write the history file " + file.path() + " (" + e.getMessage()
                        + "); turn history off with 'caro config set history false'");
            }
        }
    }
}
