package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.api.CaroApi;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaroCommandTest {

    @TempDir
    Path home;

    private CaroRunner caro;

    @BeforeEach
    void setUp() {
        caro = new CaroRunner(home);
    }

    @Test
    void anEmptyRequestIsAUsageError() {
        CaroRunner.Run r = caro.terminalInput().run();
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("", r.out());
        assertEquals("""
                caro: no request given.
                Usage: caro [OPTIONS] PROMPT...   e.g. caro "find pdf files over 10MB in Downloads"
                Try 'caro --help' for more.
                """, r.err());
        assertEquals(ExitCodes.USAGE, caro.stdin("   \n\t").run().exitCode(), "whitespace on stdin is empty too");
    }

    @Test
    void versionNamesTheApiVersion() {
        CaroRunner.Run r = caro.run("--version");
        assertEquals(0, r.exitCode());
        assertEquals("caro " + CaroApi.CARO_VERSION + " (API " + CaroApi.VERSION + ", Java "
                + System.getProperty("java.version") + ")\n", r.out());
    }

    @Test
    void pipedOutputIsTheCommandAlone() {
        CaroRunner.Run r = caro.run("-b", "test-echo", "cmd: ls -la");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("ls -la\n", r.out());
    }

    /** --no-daemon reaches the backends as CARO_NO_DAEMON=1, the variable the llama.cpp backend reads. */
    @Test
    void noDaemonReachesTheBackendsEnvironment() {
        assertEquals("echo 1\n", caro.run("-b", "test-echo", "--no-daemon", "env: CARO_NO_DAEMON").out());
        assertEquals("echo unset\n", caro.run("-b", "test-echo", "env: CARO_NO_DAEMON").out());
    }

    @Test
    void theRequestCanComeFromStandardInput() {
        CaroRunner.Run r = caro.stdin("cmd: du -sh .\n").run("-b", "test-echo", "-q");
        assertEquals("du -sh .\n", r.out());
    }

    @Test
    void aTerminalGetsTheExplanationAndRisk() {
        CaroRunner.Run r = caro.terminalOutput().env("NO_COLOR", "1").run("-b", "test-echo", "cmd: touch caro-test-high");
        assertEquals("""
                touch caro-test-high
                  Runs what the test asked for.
                  Risk: HIGH — asks for confirmation before running (moderate mode)
                    - Marked HIGH by the test. [test.marker-risk]
                """, r.out());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        CaroRunner.Run b = caro.run("-b", "gpt5", "list files");
        assertEquals(ExitCodes.USAGE, b.exitCode());
        assertTrue(b.err().startsWith("caro: unknown backend 'gpt5'; choose one of: "), b.err());
        assertTrue(b.err().contains("offline") && b.err().contains("test-echo"), b.err());
        CaroRunner.Run o = caro.run("-o", "xml", "list files");
        assertEquals(ExitCodes.USAGE, o.exitCode());
        assertTrue(o.err().startsWith("caro: unknown output format 'xml'; choose one of: "), o.err());
        assertTrue(o.err().contains("json, plain") && o.err().contains("yaml"), o.err());
        CaroRunner.Run s = caro.run("-s", "tcsh", "list files");
        assertEquals(ExitCodes.USAGE, s.exitCode());
        assertEquals("caro: unknown shell 'tcsh'; choose one of: sh, bash, zsh, fish, powershell, cmd\n", s.err());
        CaroRunner.Run m = caro.run("--safety", "yolo", "list files");
        assertEquals(ExitCodes.USAGE, m.exitCode());
        assertEquals("caro: unknown safety mode 'yolo'; choose one of: strict, moderate, permissive\n", m.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        CaroRunner.Run r = caro.run("--frobnicate", "x");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("caro: Unknown option: '--frobnicate'\nTry 'caro --help' for usage.\n", r.err());
    }

    @Test
    void anInvalidConfigFileNamesFileLineAndKey() throws Exception {
        Files.createDirectories(caro.configFile().getParent());
        Files.writeString(caro.configFile(), "backend = \"offline\"\nsafety = \"loose\"\n");
        CaroRunner.Run r = caro.run("list files");
        assertEquals(ExitCodes.CONFIG, r.exitCode());
        assertEquals("caro: " + caro.configFile() + ":2: invalid value for 'safety': must be one of strict, moderate, permissive\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void noAnswerFromTheChosenBackendIsAGenerationFailure() {
        CaroRunner.Run r = caro.run("-b", "test-echo", "make me a sandwich");
        assertEquals(ExitCodes.GENERATION_FAILED, r.exitCode());
        assertEquals("""
                caro: could not generate a command for this request.
                  test-echo: the echo backend only answers 'cmd: X'
                Try rephrasing the request, or choose another backend with --backend.
                """, r.err());
    }

    @Test
    void executeRunsAnAllowedCommandAndReturnsItsExitCode() {
        CaroRunner.Run r = caro.run("-b", "test-echo", "-x", "cmd: echo ran; exit 3");
        assertEquals(3, r.exitCode());
        assertEquals("echo ran; exit 3\nran\n", r.out());
    }

    @Test
    void withoutExecuteNothingRuns() {
        Path marker = home.resolve("marker");
        CaroRunner.Run r = caro.run("-b", "test-echo", "cmd: touch " + marker);
        assertEquals(0, r.exitCode());
        assertFalse(Files.exists(marker));
    }

    @Test
    void dryRunShowsWhatWouldRunAndRunsNothing() {
        Path marker = home.resolve("marker-caro-test-moderate");
        CaroRunner.Run r = caro.run("-b", "test-echo", "-x", "--dry-run", "cmd: touch " + marker);
        assertEquals(0, r.exitCode());
        assertEquals("dry run: would run with bash: touch " + marker + " (allowed)\n", r.err());
        assertFalse(Files.exists(marker));
    }

    @Test
    void highRiskNeedsConfirmationThatAPipeCannotGive() {
        Path marker = home.resolve("x-caro-test-high");
        CaroRunner.Run r = caro.run("-b", "test-echo", "-x", "cmd: touch " + marker);
        assertEquals(ExitCodes.BLOCKED, r.exitCode());
        assertEquals("caro: this HIGH command needs confirmation; rerun with --yes, or in a terminal.\n", r.err());
        assertFalse(Files.exists(marker));
        CaroRunner.Run yes = caro.run("-b", "test-echo", "-x", "--yes", "cmd: touch " + marker);
        assertEquals(0, yes.exitCode(), yes.err());
        assertTrue(Files.exists(marker), "--yes confirms a HIGH command in moderate mode");
    }

    @Test
    void strictModeBlocksHighRiskEvenWithYes() {
        Path marker = home.resolve("x-caro-test-high");
        CaroRunner.Run r = caro.run("-b", "test-echo", "--safety", "strict", "-x", "--yes", "cmd: touch " + marker);
        assertEquals(ExitCodes.BLOCKED, r.exitCode());
        assertEquals("caro: not running this HIGH command: the strict safety mode blocks it.\n", r.err());
        assertFalse(Files.exists(marker));
    }

    @Test
    void criticalRunsOnlyAfterTypedYesInATerminal() {
        Path marker = home.resolve("x-caro-test-critical");
        String cmd = "cmd: touch " + marker;
        CaroRunner.Run piped = caro.run("-b", "test-echo", "-x", "--yes", "--safety", "permissive", cmd);
        assertEquals(ExitCodes.BLOCKED, piped.exitCode());
        assertEquals("caro: this CRITICAL command runs only after you type 'yes' in a terminal; --yes does not apply.\n", piped.err());
        CaroRunner.Run declined = new CaroRunner(home).terminalInput().stdin("y\n").run("-b", "test-echo", "-x", cmd);
        assertEquals(ExitCodes.DECLINED, declined.exitCode());
        assertEquals("""
                  - Marked CRITICAL by the test. [test.marker-risk]
                This command is CRITICAL. Type 'yes' to run it: y
                caro: not run.
                """, declined.err());
        assertFalse(Files.exists(marker));
        CaroRunner.Run accepted = new CaroRunner(home).terminalInput().stdin("yes\n").run("-b", "test-echo", "-x", cmd);
        assertEquals(0, accepted.exitCode(), accepted.err());
        assertTrue(Files.exists(marker));
    }

    @Test
    void aHugeRequestIsRefused() {
        CaroRunner.Run r = caro.stdin("find ".repeat(300_000)).run();
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertTrue(r.err().startsWith("caro: the request is "), r.err());
        assertTrue(r.err().endsWith("characters long; the limit is 8000. Shorten it to the task itself.\n"), r.err());
    }

    @Test
    void invalidUtf8OrBinaryOnStandardInputIsRefused() {
        CaroRunner.Run r = caro.stdinBytes(new byte[] {'l', 's', (byte) 0xff, (byte) 0xfe}).run("-b", "test-echo");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("caro: the request on standard input is not valid UTF-8 text\n", r.err());
        CaroRunner.Run nul = new CaroRunner(home).stdinBytes(new byte[] {'l', 0, 's'}).run("-b", "test-echo");
        assertEquals(ExitCodes.USAGE, nul.exitCode());
        CaroRunner.Run ok = new CaroRunner(home).stdin("cmd: echo caf\u00e9").run("-b", "test-echo");
        assertEquals("echo caf\u00e9\n", ok.out(), "valid UTF-8 passes through");
    }

    @Test
    void jsonOutputCarriesTheSchema() {
        CaroRunner.Run r = caro.run("-b", "test-echo", "-o", "json", "cmd: ls");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("{\"schema\":\"caro.result/1\",\"prompt\":\"cmd: ls\",\"command\":\"ls\","), r.out());
    }
}
