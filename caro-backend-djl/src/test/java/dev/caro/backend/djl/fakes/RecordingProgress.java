package dev.caro.backend.djl.fakes;

import dev.caro.api.backend.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/** Records progress calls as text, e.g. {@code started Loading x -1}, {@code finished}. */
public final class RecordingProgress implements ProgressListener {

    public final List<String> calls = new ArrayList<>();

    @Override
    public synchronized void started(String task, long total) {
        calls.add("started " + task + " " + total);
    }

    @Override
    public synchronized void advanced(long done) {
        calls.add("advanced " + done);
    }

    @Override
    public synchronized void finished() {
        calls.add("finished");
    }
}
