package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

class RootHelpTest {

    @Test
    void theStoredHelpIsWhatPicocliPrints(@TempDir Path dir) {
        assertTrue(RootHelp.stored().isPresent(), "the build renders the help into the classes (process-classes)");
        CaroRunner.Run stored = new CaroRunner(dir).run("--help");
        CaroRunner.Run picocli = new CaroRunner(dir).run("-q", "--help"); // a line only picocli answers
        assertEquals(0, stored.exitCode());
        assertEquals(0, picocli.exitCode());
        assertEquals(sameLines(picocli.out()), sameLines(stored.out()));
        assertEquals(stored.out(), new CaroRunner(dir).run("-h").out());
        assertTrue(stored.out().startsWith("Usage: caro [-hqvVxy]"), stored.out());
    }

    @Test
    void theColoredHelpIsWhatPicocliPrintsOnATerminal() throws IOException {
        try (InputStream in = RootHelp.class.getResourceAsStream("root-help-ansi.txt")) {
            String stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(sameLines(RootHelp.render(RootHelp.commandLine(), Ansi.ON)), sameLines(stored));
            assertTrue(stored.contains("\u001B[33m--dry-run\u001B[39m"), stored);
        }
    }

    @Test
    void onlyTheHelpAloneIsARequest() {
        assertTrue(RootHelp.isRequest("--help"));
        assertTrue(RootHelp.isRequest("-h"));
        assertEquals(false, RootHelp.isRequest("-q", "--help"));
        assertEquals(false, RootHelp.isRequest("check", "--help"));
        assertEquals(false, RootHelp.isRequest());
    }

    /**
     * The lines in order of appearance, except that options declared by setter methods are listed
     * by picocli in the JVM's reflection order, which differs with and without class data sharing;
     * so the lines are compared sorted. Any changed word still fails.
     */
    private static List<String> sameLines(String text) {
        return text.lines().sorted().toList();
    }
}
