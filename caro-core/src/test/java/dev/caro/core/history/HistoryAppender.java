package dev.caro.core.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.OptionalInt;

/** A separate process (or thread) that appends many entries, for the concurrency test. */
public final class HistoryAppender {

    private HistoryAppender() {}

    public static void main(String[] args) {
        appendMany(Path.of(args[0]), args[1], Integer.parseInt(args[2]));
    }

    static void appendMany(Path file, String name, int count) {
        HistoryFile h = new HistoryFile(file);
        String padding = "x".repeat(3000); // long lines make torn writes likely if locking were wrong
        for (int i = 0; i < count; i++) {
            try {
                h.append(new HistoryEntry(Instant.now(), "generated", padding, "echo " + name + "-" + i, "", "SAFE", "",
                        "", OptionalInt.empty()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
