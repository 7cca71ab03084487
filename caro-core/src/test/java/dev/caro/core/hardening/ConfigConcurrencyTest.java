package dev.caro.core.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.ConfigException;
import dev.caro.core.config.ConfigWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several caro processes running {@code caro config set} at once (simulated with threads, which
 * race on the same file the same way): a reader never sees a half-written file, and no temporary
 * file is left behind.
 */
class ConfigConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void concurrentWritersNeverLeaveAHalfWrittenFile() throws Exception {
        Path file = dir.resolve("caro/config.toml");
        // A long comment makes each write big enough that a non-atomic write would be seen half-done.
        ConfigWriter.writeAtomically(file, "# " + "x".repeat(200_000) + "\nbackend = \"offline\"\n");
        AtomicBoolean done = new AtomicBoolean();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        String[][] sets = {{"timeout", "30"}, {"safety", "strict"}, {"backends.ollama.host", "http://h:1"}, {"history", "false"}};
        for (String[] set : sets) {
            Thread w = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        ConfigWriter.set(file, set[0], set[1]);
                    }
                } catch (Exception e) {
                    problems.add(set[0] + ": " + e);
                }
            });
            w.start();
            writers.add(w);
        }
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    String text = Files.readString(file);
                    if (!text.endsWith("\n") || !text.contains("backend = \"offline\"")) {
                        problems.add("half-written file seen (" + text.length() + " chars)");
                    }
                    CaroConfig.parse(file, text);
                } catch (Exception e) {
                    problems.add("reader: " + e);
                }
            }
        });
        reader.start();
        start.countDown();
        for (Thread w : writers) {
            w.join();
        }
        done.set(true);
        reader.join();
        assertEquals(List.of(), List.copyOf(problems));
        CaroConfig.load(file);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void aWriteThatCannotHappenIsAClearError() throws Exception {
        // Simulates a full or read-only disk: the temporary file cannot be created where the config lives.
        Path blocked = dir.resolve("not-a-dir");
        Files.writeString(blocked, "a file where a directory should be");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigWriter.set(blocked.resolve("config.toml"), "timeout", "30"));
        assertTrue(e.getMessage().startsWith(blocked.resolve("config.toml") + ": cannot write the configuration file"),
                e.getMessage());
    }
}
