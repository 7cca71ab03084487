package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryTest {

    @TempDir
    Path home;

    private Path historyFile() {
        return home.resolve(".local/state/caro/history.jsonl");
    }

    @Test
    void generatedAndExecutedCommandsAreRecorded() throws Exception {
        CaroRunner caro = new CaroRunner(home);
        caro.run("-b", "test-echo", "cmd: ls");
        caro.run("-b", "test-echo", "-x", "cmd: exit 3");
        List<String> lines = Files.readAllLines(historyFile());
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\{\"schema\":\"caro.history/1\",\"time\":\"[0-9T:.Z-]+\",\"event\":\"generated\","
                + "\"prompt\":\"cmd: ls\",\"command\":\"ls\",\"backend\":\"test-echo\",\"risk\":\"SAFE\",\"shell\":\"bash\","
                + "\"cwd\":\"" + home + "\",\"exit_status\":null}"), lines.get(0));
        assertTrue(lines.get(2).contains("\"event\":\"executed\",\"prompt\":\"cmd: exit 3\",\"command\":\"exit 3\""), lines.get(2));
        assertTrue(lines.get(2).endsWith("\"exit_status\":3}"), lines.get(2));

        CaroRunner.Run shown = caro.run("history", "-n", "2");
        assertEquals(0, shown.exitCode());
        assertTrue(shown.out().matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  SAFE     shown    exit 3\n"
                + "                  # cmd: exit 3\n"
                + "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  SAFE     exit 3   exit 3\n"
                + "                  # cmd: exit 3\n"), shown.out());
        CaroRunner.Run json = caro.run("history", "--json", "-n", "1");
        assertEquals(lines.get(2) + "\n", json.out());
    }

    @Test
    void historyCanBeTurnedOff() throws Exception {
        new CaroRunner(home).env("CARO_HISTORY", "false").run("-b", "test-echo", "cmd: ls");
        assertFalse(Files.exists(historyFile()));
        CaroRunner caro = new CaroRunner(home);
        caro.run("config", "set", "history", "false");
        caro.run("-b", "test-echo", "-x", "cmd: true");
        assertFalse(Files.exists(historyFile()));
        CaroRunner.Run r = caro.run("history");
        assertEquals("caro: no history yet (" + historyFile() + ")\n", r.err());
    }

    @Test
    void anUnwritableHistoryWarnsOnceAndTheCommandStillRuns() throws Exception {
        Files.createDirectories(home.resolve(".local"));
        Files.writeString(home.resolve(".local/state"), "a file where a directory should be");
        CaroRunner.Run r = new CaroRunner(home).run("-b", "test-echo", "-x", "cmd: echo ran");
        assertEquals(0, r.exitCode());
        assertEquals("echo ran\nran\n", r.out());
        assertTrue(r.err().startsWith("caro: cannot write the history file " + historyFile() + " ("), r.err());
        assertTrue(r.err().endsWith("); turn history off with 'caro config set history false'\n"), r.err());
        assertEquals(1, r.err().lines().count(), "warned once for two entries");
    }

    @Test
    void editedCommandsAreRecordedAsTheyRan() throws Exception {
        new CaroRunner(home).terminal().stdin("d\u0015echo edited\ne").run("-b", "test-echo", "cmd: echo original");
        List<String> lines = Files.readAllLines(historyFile());
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).contains("\"event\":\"generated\",\"prompt\":\"cmd: echo original\",\"command\":\"echo edited\""));
        assertTrue(lines.get(2).contains("\"event\":\"executed\",\"prompt\":\"cmd: echo original\",\"command\":\"echo edited\""));
    }
}
