package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path home;

    @Test
    void exitCodeFollowsTheRisk() {
        CaroRunner caro = new CaroRunner(home);
        CaroRunner.Run safe = caro.run("check", "ls -la");
        assertEquals(ExitCodes.OK, safe.exitCode(), safe.out() + safe.err());
        assertEquals("SAFE      ls -la\n", safe.out());
        assertEquals(ExitCodes.CHECK_MODERATE, caro.run("check", "touch caro-test-moderate").exitCode());
        assertEquals(ExitCodes.CHECK_HIGH, caro.run("check", "touch caro-test-high").exitCode());
        CaroRunner.Run critical = caro.run("check", "rm -rf /");
        assertEquals(ExitCodes.CHECK_CRITICAL, critical.exitCode());
        assertTrue(critical.out().startsWith("CRITICAL  rm -rf /\n"), critical.out());
    }

    @Test
    void unquotedCommandsWithOptionsAreJoined() {
        CaroRunner.Run r = new CaroRunner(home).run("check", "--", "chmod", "-R", "777", "/");
        assertEquals(ExitCodes.CHECK_CRITICAL, r.exitCode(), r.out());
        assertTrue(r.out().startsWith("CRITICAL  chmod -R 777 /\n"), r.out());
    }

    @Test
    void plainOutputNamesRuleSpanAndDecision() {
        CaroRunner.Run r = new CaroRunner(home).run("check", "--safety", "strict", "touch caro-test-high");
        assertEquals("""
                HIGH      touch caro-test-high
                  high  Marked HIGH by the test.  [test.marker-risk @6-20]
                  blocked in strict mode; caro will not run it
                """, r.out());
    }

    @Test
    void readsOneCommandPerLineFromStdinAndPrintsJsonLines() {
        CaroRunner.Run r = new CaroRunner(home).stdin("ls\n\nrm -rf ~\necho 'rm -rf /'\n").run("check", "--json", "-");
        assertEquals(ExitCodes.CHECK_CRITICAL, r.exitCode());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("{\"schema\":\"caro.check/1\",\"command\":\"ls\",\"risk\":\"SAFE\""), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"schema\":\"caro.check/1\",\"command\":\"rm -rf ~\",\"risk\":\"CRITICAL\""), lines.get(1));
        assertTrue(lines.get(2).contains("\"risk\":\"SAFE\""), "echoed text is data, not a command: " + lines.get(2));
    }

    @Test
    void unparseableInputIsAtLeastHigh() {
        CaroRunner.Run r = new CaroRunner(home).run("check", "echo 'unterminated");
        assertTrue(r.exitCode() == ExitCodes.CHECK_HIGH || r.exitCode() == ExitCodes.CHECK_CRITICAL, r.out());
    }

    @Test
    void noCommandIsAUsageError() {
        CaroRunner.Run r = new CaroRunner(home).run("check");
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertEquals("caro check: no command given.\nUsage: caro check 'COMMAND'   or   caro check - < commands.txt\n", r.err());
    }
}
