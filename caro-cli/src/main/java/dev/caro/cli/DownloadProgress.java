package dev.caro.cli;

import dev.caro.api.backend.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a backend's long operations (model downloads, loading) on standard error: on a terminal a
 * bar with bytes, rate and time left, redrawn at most ten times a second; otherwise one line when
 * the task starts and one when it ends, so logs stay readable.
 */
final class DownloadProgress implements ProgressListener {

    private static final int BAR = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private volatile Spinner spinner;
    private String task = "";
    private long total = -1;
    private long done;
    private long startNanos;
    private long lastDraw;
    private boolean drawn;

    DownloadProgress(CliEnvironment env) {
        this.err = env.err();
        this.terminal = env.stderrTerminal();
    }

    /** The spinner to hide while the bar is shown. */
    void spinner(Spinner s) {
        this.spinner = s;
    }

    @Override
    public synchronized void started(String newTask, long newTotal) {
        task = newTask == null ? "" : newTask;
        total = newTotal;
        done = 0;
        startNanos = System.nanoTime();
        lastDraw = 0;
        drawn = false;
        Spinner s = spinner;
        if (total < 0 && s != null) {
            // Loading or waiting, with nothing to count: the spinner says what is happening.
            s.task(task);
            return;
        }
        if (s != null) {
            s.pause(true);
        }
        if (!terminal && total >= 0) {
            err.println("caro: " + task + (total > 0 ? " (" + bytes(total) + ")" : "") + "…");
            err.flush();
        }
    }

    @Override
    public synchronized void advanced(long newDone) {
        done = newDone;
        long now = System.nanoTime();
        if (terminal && now - lastDraw >= 100_000_000L) {
            lastDraw = now;
            drawn = true;
            synchronized (err) {
                err.print("\r" + line(now) + "\u001b[K");
                err.flush();
            }
        }
    }

    @Override
    public synchronized void finished() {
        long now = System.nanoTime();
        String took = String.format(Locale.ROOT, "%.0f s", (now - startNanos) / 1e9);
        Spinner s = spinner;
        if (total < 0 && s != null) {
            s.task("generating");
            return;
        }
        if (terminal) {
            if (drawn || total >= 0) {
                synchronized (err) {
                    err.print("\r" + line(now) + "\u001b[K\n");
                    err.flush();
                }
            }
        } else if (total >= 0 || done > 0) {
            err.println("caro: " + task + ": finished, " + bytes(done) + " in " + took);
            err.flush();
        }
        if (s != null) {
            s.pause(false);
        }
    }

    /** The bar line for the current state, e.g. {@code "Downloading m  [#####-----]  45%  1.2/2.5 MB  3.1 MB/s  ETA 0:04"}. */
    String line(long nowNanos) {
        double seconds = Math.max((nowNanos - startNanos) / 1e9, 1e-3);
        double rate = done / seconds;
        StringBuilder sb = new StringBuilder(task).append("  ");
        if (total > 0) {
            int filled = (int) Math.min(BAR, BAR * done / total);
            sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", Math.min(100, 100 * done / total))).append("  ")
                    .append(bytes(done)).append(" / ").append(bytes(total));
        } else {
            sb.append(bytes(done));
        }
        sb.append("  ").append(bytes((long) rate)).append("/s");
        if (total > 0 && rate > 0 && done < total) {
            long eta = (long) ((total - done) / rate);
            sb.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
        }
        return sb.toString();
    }

    /** 1536 → "1.5 KB"; decimal units like download tools. */
    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
