package dev.caro.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFileTest {

    @TempDir
    Path dir;

    static HistoryEntry entry(String command, OptionalInt exit) {
        return new HistoryEntry(Instant.parse("2026-12-02T09:00:00Z"), exit.isPresent() ? "executed" : "generated",
                "list files", command, "offline", "SAFE", "bash", "/home/ana", exit);
    }

    @Test
    void appendsOneJsonLinePerEntryAndReadsTheLastN() throws Exception {
        HistoryFile h = HistoryFile.in(dir.resolve("state/caro"));
        h.append(entry("ls", OptionalInt.empty()));
        h.append(entry("ls -la", OptionalInt.of(2)));
        h.append(entry("echo \"quoted\"\nsecond line", OptionalInt.empty()));
        List<String> lines = Files.readAllLines(h.path());
        assertEquals(3, lines.size());
        assertEquals("{\"schema\":\"caro.history/1\",\"time\":\"2026-12-02T09:00:00Z\",\"event\":\"executed\","
                + "\"prompt\":\"list files\",\"command\":\"ls -la\",\"backend\":\"offline\",\"risk\":\"SAFE\","
                + "\"shell\":\"bash\",\"cwd\":\"/home/ana\",\"exit_status\":2}", lines.get(1));
        List<HistoryEntry> last = h.last(2);
        assertEquals(List.of(entry("ls -la", OptionalInt.of(2)), entry("echo \"quoted\"\nsecond line", OptionalInt.empty())), last);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(h.path())));
    }

    @Test
    void aMissingFileIsAnEmptyHistoryAndBrokenLinesAreSkipped() throws Exception {
        HistoryFile h = HistoryFile.in(dir);
        assertEquals(List.of(), h.last(10));
        Files.write(h.path(), ("{\"command\":\"torn\n" + "not json\n" + entry("pwd", OptionalInt.empty()).toJson() + "\n")
                .getBytes(StandardCharsets.UTF_8));
        Files.write(h.path(), new byte[] {(byte) 0xff, '\n'}, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(entry("pwd", OptionalInt.empty())), h.last(10));
    }

    @Test
    void concurrentProcessesNeverInterleaveLines() throws Exception {
        Path file = dir.resolve("history.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> writers = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            writers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    HistoryAppender.class.getName(), file.toString(), "p" + p, "150").inheritIO().start());
        }
        // and threads of this process at the same time
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String name = "t" + t;
            Thread th = new Thread(() -> HistoryAppender.appendMany(file, name, 150));
            th.start();
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        for (Process w : writers) {
            assertEquals(0, w.waitFor());
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(6 * 150, lines.size());
        assertTrue(lines.stream().allMatch(l -> HistoryEntry.parse(l).isPresent()), "every line is whole");
        Set<String> commands = lines.stream().map(l -> HistoryEntry.parse(l).orElseThrow().command()).collect(Collectors.toSet());
        assertEquals(6 * 150, commands.size());
    }
}
