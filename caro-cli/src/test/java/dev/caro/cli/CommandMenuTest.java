package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The menu after a command is shown on a terminal, driven in-process with scripted keystrokes. */
class CommandMenuTest {

    private static final String MENU = CommandMenu.PROMPT;

    @TempDir
    Path home;

    private Path marker;

    @BeforeEach
    void setUp() {
        marker = home.resolve("marker");
    }

    private CaroRunner caro(String keys) {
        return new CaroRunner(home).terminal().env("NO_COLOR", "1").stdin(keys);
    }

    @Test
    void enterCancelsAndRunsNothing() {
        CaroRunner.Run r = caro("\n").run("-b", "test-echo", "cmd: touch " + marker);
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        assertEquals("touch " + marker + "\n  Runs what the test asked for.\n  Risk: SAFE\n", r.out());
        assertEquals(MENU + "\n", r.err());
        assertFalse(Files.exists(marker));
    }

    @Test
    void qEscapeCtrlCAndEndOfInputCancel() {
        for (String key : new String[] {"q", "\u001b", "\u0003", "\u0004", ""}) {
            CaroRunner.Run r = caro(key).run("-b", "test-echo", "cmd: touch " + marker);
            assertEquals(ExitCodes.OK, r.exitCode());
            assertFalse(Files.exists(marker), "key " + (int) (key.isEmpty() ? -1 : key.charAt(0)));
        }
    }

    @Test
    void keysTypedBeforeTheMenuAreDiscarded() {
        // A stray "e" and Enter typed while caro was generating must not run the command.
        CaroRunner.Run r = caro("").typeahead("e\n").run("-b", "test-echo", "cmd: touch " + marker);
        assertEquals(ExitCodes.OK, r.exitCode());
        assertFalse(Files.exists(marker));
        CaroRunner.Run typed = caro("e").typeahead("q\n").run("-b", "test-echo", "cmd: touch " + marker);
        assertEquals(ExitCodes.OK, typed.exitCode(), typed.err());
        assertTrue(Files.exists(marker), "the key typed after the question counts");
    }

    @Test
    void executeRunsTheCommandAndReturnsItsExitCode() {
        CaroRunner.Run r = caro("e").run("-b", "test-echo", "cmd: echo ran; exit 7");
        assertEquals(7, r.exitCode());
        assertTrue(r.out().endsWith("Risk: SAFE\nran\n"), r.out());
        assertEquals(MENU + "e\n", r.err());
    }

    @Test
    void upperCaseKeysWork() {
        CaroRunner.Run r = caro("E").run("-b", "test-echo", "cmd: touch " + marker);
        assertEquals(0, r.exitCode());
        assertTrue(Files.exists(marker));
    }

    @Test
    void highRiskAsksYesOrNo() {
        Path high = home.resolve("x-caro-test-high");
        CaroRunner.Run no = caro("eN").run("-b", "test-echo", "cmd: touch " + high);
        assertEquals(ExitCodes.DECLINED, no.exitCode());
        assertEquals(MENU + "e\nRun this HIGH command? [y/N] n\ncaro: not run.\n", no.err());
        assertFalse(Files.exists(high));
        CaroRunner.Run enter = caro("e\n").run("-b", "test-echo", "cmd: touch " + high);
        assertEquals(ExitCodes.DECLINED, enter.exitCode(), "Enter means no");
        assertFalse(Files.exists(high));
        CaroRunner.Run yes = caro("ey").run("-b", "test-echo", "cmd: touch " + high);
        assertEquals(0, yes.exitCode(), yes.err());
        assertTrue(Files.exists(high));
    }

    @Test
    void aStrayKeyBeforeTheConfirmationIsDiscardedToo() {
        Path high = home.resolve("x-caro-test-high");
        CaroRunner runner = caro("e").typeahead("y");
        CaroRunner.Run r = runner.run("-b", "test-echo", "cmd: touch " + high);
        assertEquals(ExitCodes.DECLINED, r.exitCode(), r.err());
        assertFalse(Files.exists(high));
    }

    @Test
    void criticalNeedsTheWordYesAndStrictModeBlocksIt() {
        Path critical = home.resolve("x-caro-test-critical");
        CaroRunner.Run y = caro("ey\n").run("-b", "test-echo", "cmd: touch " + critical);
        assertEquals(ExitCodes.DECLINED, y.exitCode());
        assertEquals(MENU + "e\nThis command is CRITICAL. Type 'yes' to run it: y\ncaro: not run.\n", y.err());
        assertFalse(Files.exists(critical));
        CaroRunner.Run yes = caro("eyes\n").run("-b", "test-echo", "cmd: touch " + critical);
        assertEquals(0, yes.exitCode(), yes.err());
        assertTrue(Files.exists(critical));
        Files.exists(critical);
        CaroRunner.Run strict = caro("e").run("-b", "test-echo", "--safety", "strict", "cmd: touch " + critical + "2");
        assertEquals(ExitCodes.BLOCKED, strict.exitCode());
        assertTrue(strict.err().endsWith("caro: not running this CRITICAL command: the strict safety mode blocks it.\n"), strict.err());
        assertFalse(Files.exists(home.resolve("x-caro-test-critical2")));
    }

    @Test
    void editChangesTheCommandWhichIsJudgedAgainBeforeItRuns() {
        Path high = home.resolve("y-caro-test-high");
        // Ctrl-U clears the pre-filled line; the new command is HIGH, so running it asks first.
        CaroRunner.Run r = caro("d\u0015touch " + high + "\ney").run("-b", "test-echo", "cmd: touch " + marker);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.exists(high));
        assertFalse(Files.exists(marker));
        assertTrue(r.out().contains("touch " + high + "\n  Edited by you.\n  Risk: HIGH — asks for confirmation before running (moderate mode)\n"
                + "    - Marked HIGH by the test. [test.marker-risk]\n"), r.out());
    }

    @Test
    void editWithArrowKeysInsertsInTheMiddle() {
        // "touch M" → cursor left past the path, insert "-c " → "touch -c M": no file is created.
        String keys = "d" + "\u001b[D".repeat(marker.toString().length()) + "-c \n" + "e";
        CaroRunner.Run r = caro(keys).run("-b", "test-echo", "cmd: touch " + marker);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("touch -c " + marker + "\n  Edited by you.\n"), r.out());
        assertFalse(Files.exists(marker));
    }

    @Test
    void cancellingAnEditKeepsTheCommand() {
        CaroRunner.Run r = caro("dxyz\u001bq").run("-b", "test-echo", "cmd: touch " + marker);
        assertEquals(0, r.exitCode());
        assertEquals(1, r.out().split("Risk:", -1).length - 1, "shown once: nothing was edited");
    }

    @Test
    void explainBreaksTheCommandDown() {
        CaroRunner.Run r = caro("xq").run("-b", "test-echo", "cmd: ls -l " + home + " > out.txt");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\n      > out.txt         writes standard output to out.txt, replacing its contents\n"), r.out());
        assertTrue(r.out().contains("\n      " + home + "  argument\n"), r.out());
        assertEquals(MENU + "x\n" + MENU + "q\n", r.err());
    }

    @Test
    void copyUsesOsc52AndSaysHow() {
        CaroRunner.Run r = caro("cq").env("PATH", home.toString()).run("-b", "test-echo", "cmd: ls -la");
        String osc = "\u001b]52;c;" + Base64.getEncoder().encodeToString("ls -la".getBytes(StandardCharsets.UTF_8)) + "\u0007";
        assertEquals(MENU + "c\n" + osc
                + "copied with OSC 52 (works in terminals that allow it; install wl-copy or xclip otherwise)\n"
                + MENU + "q\n", r.err());
    }

    @Test
    void copyUsesAClipboardProgramWhenInstalled() throws Exception {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path clip = home.resolve("clip.txt");
        Path xclip = bin.resolve("xclip");
        Files.writeString(xclip, "#!/bin/sh\ncat > '" + clip + "'\n");
        assertTrue(xclip.toFile().setExecutable(true));
        CaroRunner.Run r = caro("cq").env("PATH", bin + ":/usr/bin:/bin").env("DISPLAY", ":0")
                .run("-b", "test-echo", "cmd: ls -la");
        assertTrue(r.err().contains("copied to the clipboard with xclip\n"), r.err());
        assertEquals("ls -la", Files.readString(clip));
    }

    @Test
    void reviseGeneratesAgainFromTheRequestAndTheRefinement() {
        CaroRunner.Run r = caro("rsecond\ne").run("-b", "test-echo", "cmd: echo first");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("echo first\n"), r.out());
        assertTrue(r.out().contains("\necho first, second\n  Runs what the test asked for.\n"), r.out());
        assertTrue(r.out().endsWith("\nfirst, second\n"), r.out());
        assertEquals(MENU + "r\nrevise> second\n" + MENU + "e\n", r.err());
    }

    @Test
    void anUnknownKeySaysWhichKeysWork() {
        CaroRunner.Run r = caro("zq").run("-b", "test-echo", "cmd: ls");
        assertEquals(MENU + "z\nPress e, d, x, c or r; q or Enter leaves.\n" + MENU + "q\n", r.err());
    }

    @Test
    void noMenuWhenQuietOrJsonOrPiped() {
        for (String[] args : new String[][] {{"-q"}, {"-o", "json"}}) {
            CaroRunner.Run r = caro("e").run(args[0], args.length > 1 ? args[1] : "-v", "-b", "test-echo", "cmd: touch " + marker);
            assertEquals(0, r.exitCode());
            assertEquals("", r.err());
            assertFalse(Files.exists(marker));
        }
        CaroRunner.Run requestOnStdin = new CaroRunner(home).terminalOutput().stdin("cmd: touch " + marker)
                .run("-b", "test-echo");
        assertEquals(0, requestOnStdin.exitCode());
        assertEquals("", requestOnStdin.err(), "standard input is not a person: no menu");
        assertFalse(Files.exists(marker));
        CaroRunner.Run piped = new CaroRunner(home).terminalInput().stdin("e").run("-b", "test-echo", "cmd: touch " + marker);
        assertEquals("touch " + marker + "\n", piped.out());
        assertEquals("", piped.err());
        assertFalse(Files.exists(marker));
    }
}
