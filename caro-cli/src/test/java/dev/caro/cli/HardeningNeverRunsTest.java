package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, "never": nothing runs without {@code -x} or an explicit confirmation, on every way into
 * caro; the strict mode never runs a CRITICAL command, not even with {@code --yes} or a typed yes.
 * Each command would create a marker file, whose absence proves it did not run.
 */
class HardeningNeverRunsTest {

    @TempDir
    Path home;

    private record Entry(String name, Function<CaroRunner, CaroRunner> setup, List<String> args) {}

    @Test
    void noEntryPathRunsACommandWithoutExecuteOrConfirmation() {
        Path marker = home.resolve("marker");
        String cmd = "touch " + marker;
        String request = "cmd: " + cmd;
        List<Entry> entries = List.of(
                new Entry("plain prompt", c -> c, List.of("-b", "test-echo", request)),
                new Entry("--prompt", c -> c, List.of("-b", "test-echo", "-p", request)),
                new Entry("quiet", c -> c, List.of("-b", "test-echo", "-q", request)),
                new Entry("--explain", c -> c, List.of("-b", "test-echo", "--explain", request)),
                new Entry("--yes alone", c -> c, List.of("-b", "test-echo", "--yes", request)),
                new Entry("--dry-run", c -> c, List.of("-b", "test-echo", "--dry-run", request)),
                new Entry("-x --dry-run", c -> c, List.of("-b", "test-echo", "-x", "--dry-run", "--yes", request)),
                new Entry("piped request", c -> c.stdin(request + "\n"), List.of("-b", "test-echo")),
                new Entry("json", c -> c, List.of("-b", "test-echo", "-o", "json", request)),
                new Entry("yaml", c -> c, List.of("-b", "test-echo", "-o", "yaml", request)),
                new Entry("terminal, Enter", c -> c.terminal().stdin("\n"), List.of("-b", "test-echo", request)),
                new Entry("terminal, typed-ahead e", c -> c.terminal().typeahead("e\n"), List.of("-b", "test-echo", request)),
                new Entry("check", c -> c, List.of("check", cmd)),
                new Entry("check --json", c -> c, List.of("check", "--json", cmd)),
                new Entry("check from stdin", c -> c.stdin(cmd + "\n"), List.of("check", "-")),
                new Entry("explain", c -> c, List.of("explain", cmd)),
                new Entry("-x with an unknown format", c -> c, List.of("-b", "test-echo", "-x", "-o", "xml", request)),
                new Entry("-x with an unknown shell", c -> c, List.of("-b", "test-echo", "-x", "-s", "tcsh", request)),
                new Entry("-x with a broken config", c -> {
                    writeConfig(c, "safety = \"loose\"\n");
                    return c;
                }, List.of("-b", "test-echo", "-x", request)));
        for (Entry e : entries) {
            CaroRunner.Run r = e.setup().apply(new CaroRunner(home)).run(e.args().toArray(String[]::new));
            assertFalse(Files.exists(marker), e.name() + " ran the command; exit " + r.exitCode() + "\n" + r.out() + r.err());
            deleteConfig();
        }
        CaroRunner.Run control = new CaroRunner(home).run("-b", "test-echo", "-x", request);
        assertEquals(0, control.exitCode(), control.err());
        assertTrue(Files.exists(marker), "the same command does run with -x, so the marker can show a run");
    }

    @Test
    void strictModeNeverRunsACriticalCommand() {
        Path marker = home.resolve("x-caro-test-critical");
        String request = "cmd: touch " + marker;
        List<CaroRunner.Run> runs = List.of(
                new CaroRunner(home).run("-b", "test-echo", "--safety", "strict", "-x", "--yes", request),
                new CaroRunner(home).env("CARO_SAFETY", "strict").run("-b", "test-echo", "-x", "--yes", request),
                new CaroRunner(home).terminal().stdin("yes\n").run("-b", "test-echo", "--safety", "strict", "-x", request),
                new CaroRunner(home).terminal().stdin("e\nyes\n").run("-b", "test-echo", "--safety", "strict", request));
        for (CaroRunner.Run r : runs) {
            assertFalse(Files.exists(marker), r.out() + r.err());
        }
        assertEquals(ExitCodes.BLOCKED, runs.get(0).exitCode());
        assertEquals("caro: not running this CRITICAL command: the strict safety mode blocks it.\n", runs.get(0).err());
        assertEquals(ExitCodes.BLOCKED, runs.get(1).exitCode());
        assertEquals(ExitCodes.BLOCKED, runs.get(2).exitCode());
        writeConfig(new CaroRunner(home), "safety = \"strict\"\n");
        CaroRunner.Run fromConfig = new CaroRunner(home).run("-b", "test-echo", "-x", "--yes", request);
        assertEquals(ExitCodes.BLOCKED, fromConfig.exitCode(), fromConfig.err());
        assertFalse(Files.exists(marker));
        assertEquals(ExitCodes.BLOCKED, runs.get(3).exitCode(), "the menu's execute key: " + runs.get(3).err());
        deleteConfig();
        CaroRunner.Run control = new CaroRunner(home).terminal().stdin("yes\n").run("-b", "test-echo", "--safety", "moderate",
                "-x", request);
        assertEquals(0, control.exitCode(), control.out() + control.err());
        assertTrue(Files.exists(marker), "outside strict mode a typed yes runs it, so the marker can show a run");
    }

    private static void writeConfig(CaroRunner c, String text) {
        try {
            Files.createDirectories(c.configFile().getParent());
            Files.writeString(c.configFile(), text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void deleteConfig() {
        try {
            Files.deleteIfExists(new CaroRunner(home).configFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
