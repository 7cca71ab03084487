package dev.caro.core.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.core.config.CaroConfig;
import dev.caro.core.config.ConfigException;
import dev.caro.core.config.ConfigKey;
import dev.caro.core.config.ConfigWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several caro processes running {@code caro config set} at once (real processes and threads): a
 * reader never sees a half-written file, no change to another key is lost, and no temporary file
 * is left behind.
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
            assertEquals(List.of(ConfigWriter.lockFile(file), file), files.sorted().toList(),
                    "no temporary file is left behind, only the lock file");
        }
    }

    /**
     * Two {@code caro config set} processes changing different keys at once: each reads the file,
     * changes its key and writes the file back, so without a lock around all three steps the last
     * writer drops the other's key.
     */
    @Test
    void concurrentProcessesSettingDifferentKeysKeepThemAll() throws Exception {
        Path file = dir.resolve("caro/config.toml");
        ConfigWriter.set(file, "backend", "offline");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (String name : List.of("procA", "procB")) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ConfigSetter.class.getName(), file.toString(), name, "20").inheritIO().start());
        }
        // and two threads of this process at the same time, as an embedding program might
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        for (String name : List.of("threadA", "threadB")) {
            Thread t = new Thread(() -> {
                try {
                    ConfigSetter.setMany(file, name, 20);
                } catch (RuntimeException e) {
                    problems.add(name + ": " + e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        for (Process p : processes) {
            assertEquals(0, p.waitFor());
        }
        assertEquals(List.of(), List.copyOf(problems));
        CaroConfig config = CaroConfig.load(file);
        List<String> missing = new ArrayList<>();
        for (String name : List.of("procA", "procB", "threadA", "threadB")) {
            Map<String, String> settings = config.backendSettings(name);
            for (int i = 0; i < 20; i++) {
                if (!(name + "-" + i).equals(settings.get("key" + i))) {
                    missing.add(name + ".key" + i);
                }
            }
        }
        assertEquals(List.of(), missing, "every key set by every writer is in the file");
        assertEquals("offline", config.get(ConfigKey.BACKEND).orElseThrow());
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
