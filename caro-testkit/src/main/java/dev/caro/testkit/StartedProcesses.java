package dev.caro.testkit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The processes a test caused to start (model servers, daemons), by pid, so that the test can
 * leave none behind: call {@link #killAll()} from an {@code @AfterEach} method. Processes already
 * gone are skipped; each one still running is killed and waited for.
 */
public final class StartedProcesses {
    private static final long WAIT_SECONDS = 20;

    private final List<Long> pids = new ArrayList<>();

    /** Records one pid. */
    public void add(long pid) {
        pids.add(pid);
    }

    /** Records several pids. */
    public void addAll(Collection<Long> more) {
        pids.addAll(more);
    }

    /** The {@code i}-th pid recorded. */
    public long get(int i) {
        return pids.get(i);
    }

    /**
     * Kills every recorded process still alive and waits for each to exit, then forgets them all.
     *
     * @throws TimeoutException if a process has not exited {@value #WAIT_SECONDS} seconds after being killed
     */
    public void killAll() throws InterruptedException, ExecutionException, TimeoutException {
        for (long pid : pids) {
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isPresent()) {
                p.get().destroyForcibly();
                p.get().onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
        }
        pids.clear();
    }
}
