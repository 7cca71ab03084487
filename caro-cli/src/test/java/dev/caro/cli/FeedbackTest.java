package dev.caro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.caro.core.config.CaroPaths;
import dev.caro.core.context.ContextDetector;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spinner and the download progress on standard error. */
class FeedbackTest {

    private final StringWriter err = new StringWriter();

    private CliEnvironment env(boolean stderrTerminal) {
        return new CliEnvironment(Map.of(), new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), false, false, new ContextDetector(Map.of(), Map.of(), null),
                CaroPaths.from(Map.of(), Path.of("/tmp")), false, stderrTerminal, TerminalModes.NONE);
    }

    @Test
    void theSpinnerShowsElapsedTimeOnATerminalAndErasesItself() throws Exception {
        try (Spinner s = Spinner.start(env(true), "generating")) {
            awaitErr("\r⠙ generating… ", 0); // two frames, however slow the machine
        }
        String text = err.toString();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?s)\r⠋ generating… (\\d+\\.\\d) s\u001b\\[K\r⠙ generating… (\\d+\\.\\d) s\u001b\\[K.*").matcher(text);
        assertTrue(m.matches(), text);
        assertTrue(Double.parseDouble(m.group(1)) >= 0.1 && Double.parseDouble(m.group(2)) > Double.parseDouble(m.group(1)),
                "frames every 100 ms show growing elapsed time: " + text);
        assertTrue(text.endsWith("\r\u001b[K"), "erased when done");
    }

    @Test
    void noSpinnerWhenStandardErrorIsNotATerminal() throws Exception {
        try (Spinner s = Spinner.start(env(false), "generating")) {
            Thread.sleep(250);
        }
        assertEquals("", err.toString());
    }

    @Test
    void progressIsTwoQuietLinesWhenNotATerminal() {
        DownloadProgress p = new DownloadProgress(env(false));
        p.started("Downloading qwen", 2_500_000);
        p.advanced(1_000_000);
        p.advanced(2_500_000);
        p.finished();
        assertTrue(err.toString().matches("caro: Downloading qwen \\(2.5 MB\\)…\ncaro: Downloading qwen: finished, 2.5 MB in \\d+ s\n"),
                err.toString());
    }

    @Test
    void progressOnATerminalIsABarWithRateAndTimeLeft() {
        DownloadProgress p = new DownloadProgress(env(true));
        p.started("Downloading qwen", 2_000_000);
        p.advanced(500_000);
        String line = p.line(System.nanoTime());
        assertTrue(line.matches("Downloading qwen  \\[######------------------\\]  25%  500.0 KB / 2.0 MB  [0-9.]+ [KMG]?B/s  ETA \\d+:\\d\\d"), line);
        p.finished();
        assertTrue(err.toString().startsWith("\rDownloading qwen  [######"), err.toString());
        assertTrue(err.toString().endsWith("\u001b[K\n"), err.toString());
        assertEquals("999 B", DownloadProgress.bytes(999));
        assertEquals("1.5 GB", DownloadProgress.bytes(1_500_000_000L));
    }

    @Test
    void theProgressBarPausesTheSpinner() throws Exception {
        CliEnvironment e = env(true);
        DownloadProgress p = new DownloadProgress(e);
        try (Spinner s = Spinner.start(e, "generating")) {
            p.spinner(s);
            p.started("Downloading m", 10_000);
            int before = err.toString().length();
            Thread.sleep(250);
            assertEquals(before, err.toString().length(), "nothing drawn while paused");
            p.finished();
        }
    }

    @Test
    void aTaskWithoutSizeIsShownByTheSpinner() throws Exception {
        CliEnvironment e = env(true);
        DownloadProgress p = new DownloadProgress(e);
        try (Spinner s = Spinner.start(e, "generating")) {
            p.spinner(s);
            p.started("Loading qwen", -1);
            awaitErr("Loading qwen… ", 0);
            p.finished();
            awaitErr("generating… ", err.toString().lastIndexOf("Loading qwen… "));
        }
        assertTrue(err.toString().matches("(?s).*Loading qwen… [0-9]+\\.[0-9] s.*generating… [0-9]+\\.[0-9] s.*"), err.toString());
        StringWriter quiet = new StringWriter();
        CliEnvironment piped = new CliEnvironment(Map.of(), new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
                new PrintWriter(quiet, true), false, false, new ContextDetector(Map.of(), Map.of(), null),
                CaroPaths.from(Map.of(), Path.of("/tmp")), false, false, TerminalModes.NONE);
        DownloadProgress q = new DownloadProgress(piped);
        q.started("Loading qwen", -1);
        q.finished();
        assertEquals("", quiet.toString(), "loading a model says nothing in scripts");
    }

    /** Waits (up to 10 s, for loaded machines) until stderr shows {@code text} after position {@code from}. */
    private void awaitErr(String text, int from) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (err.toString().indexOf(text, Math.max(0, from)) < 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
