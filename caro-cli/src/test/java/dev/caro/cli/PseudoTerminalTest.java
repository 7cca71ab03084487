package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The menu on a real pseudo-terminal: caro runs in its own JVM under {@code script}, which gives
 * it a terminal; keys are typed into that terminal. This exercises what in-process tests cannot:
 * raw mode with stty, discarding keys typed before a question, restoring the terminal, and Ctrl-C
 * going to the command rather than caro.
 */
class PseudoTerminalTest {

    @TempDir
    Path home;

    private Process process;
    private final StringBuffer screen = new StringBuffer();
    private OutputStream keyboard;

    @BeforeEach
    void needsScript() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")) && Files.isExecutable(Path.of("/bin/stty")),
                "needs util-linux script and stty");
    }

    @AfterEach
    void stop() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Starts caro on a fresh terminal; the terminal's mode is saved before and after into files. */
    private void start(String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder caro = new StringBuilder(quote(java)).append(" -Dcaro.tty=in,out,err -cp ")
                .append(quote(System.getProperty("java.class.path"))).append(" dev.caro.cli.Main");
        for (String a : args) {
            caro.append(' ').append(quote(a));
        }
        // The wrapper shell catches Ctrl-C (caught, not ignored, so caro and its child get the default).
        String inner = "trap 'echo wrapper-saw-int' INT; stty -g > stty.before; " + caro + "; rc=$?; stty -g > stty.after; exit $rc";
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", "sh -c " + quote(inner), "/dev/null").directory(home.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("SHELL", "/bin/bash");
        pb.environment().put("NO_COLOR", "1");
        pb.environment().put("TERM", "xterm");
        pb.redirectErrorStream(true);
        process = pb.start();
        keyboard = process.getOutputStream();
        InputStream out = process.getInputStream();
        Thread reader = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                for (int n = out.read(buf); n > 0; n = out.read(buf)) {
                    screen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    private void type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Waits until the screen shows {@code text} {@code times} times. */
    private void waitFor(String text, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (screen.toString().split(java.util.regex.Pattern.quote(text), -1).length - 1 >= times) {
                Thread.sleep(150); // let caro reach its read after printing the question
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("never saw '" + text + "' on the screen:\n" + screen);
    }

    private int exitCode() throws InterruptedException {
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "caro did not finish:\n" + screen);
        return process.exitValue();
    }

    private void assertTerminalRestored() throws IOException {
        assertEquals(Files.readString(home.resolve("stty.before")), Files.readString(home.resolve("stty.after")),
                "the terminal mode is restored");
    }

    @Test
    void keysTypedWhileCaroStartsAreDiscardedAndEnterCancels() throws Exception {
        Path marker = home.resolve("marker");
        start("-b", "test-echo", "cmd: touch " + marker);
        type("e\r"); // typed before any question: must not execute
        waitFor(CommandMenu.PROMPT, 1);
        Thread.sleep(300);
        assertFalse(Files.exists(marker));
        type("\r");
        assertEquals(0, exitCode(), screen.toString());
        assertFalse(Files.exists(marker));
        assertTerminalRestored();
    }

    @Test
    void editWithArrowKeysThenExecute() throws Exception {
        Path marker = home.resolve("marker");
        start("-b", "test-echo", "cmd: touch " + marker);
        waitFor(CommandMenu.PROMPT, 1);
        type("d");
        waitFor("edit> touch " + marker, 1);
        type("\u001b[D".repeat(marker.toString().length()) + "-c \r");
        waitFor(CommandMenu.PROMPT, 2);
        assertTrue(screen.toString().contains("touch -c " + marker + "\r\n  Edited by you.\r\n"), screen.toString());
        type("e");
        assertEquals(0, exitCode(), screen.toString());
        assertFalse(Files.exists(marker), "touch -c creates nothing: the edited command ran");
        assertTerminalRestored();
    }

    @Test
    void criticalNeedsTypedYesOnTheTerminal() throws Exception {
        Path marker = home.resolve("x-caro-test-critical");
        start("-b", "test-echo", "cmd: touch " + marker);
        waitFor(CommandMenu.PROMPT, 1);
        type("e");
        waitFor("Type 'yes' to run it: ", 1);
        type("yes\r");
        assertEquals(0, exitCode(), screen.toString());
        assertTrue(Files.exists(marker));
        assertTerminalRestored();
        assertTrue(Files.readString(home.resolve(".local/state/caro/history.jsonl")).contains("\"event\":\"executed\""),
                "$HOME decides where caro keeps its files");
    }

    @Test
    void ctrlCReachesTheCommandAndCaroReportsItsExitCode() throws Exception {
        Files.writeString(home.resolve("child.sh"), "trap 'echo child-got-int; exit 42' INT\necho child-started\nsleep 20 & wait\n");
        start("-b", "test-echo", "cmd: sh child.sh");
        waitFor(CommandMenu.PROMPT, 1);
        type("e");
        waitFor("child-started", 1);
        type("\u0003");
        assertEquals(42, exitCode(), screen.toString());
        assertTrue(screen.toString().contains("child-got-int"), screen.toString());
        assertTerminalRestored();
    }
}
