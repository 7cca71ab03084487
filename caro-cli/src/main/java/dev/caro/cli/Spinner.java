package dev.caro.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * "⠋ generating… 1.4 s" on standard error while caro waits, redrawn ten times a second and erased
 * when done. Only on a terminal: piped standard error gets nothing.
 */
final class Spinner implements AutoCloseable {

    private static final String FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private final PrintWriter err;
    private final Thread thread;
    private volatile String task;
    private volatile boolean paused;
    private boolean started;
    private volatile boolean drawn;

    private Spinner(PrintWriter err, String task) {
        this.err = err;
        this.task = task;
        long start = System.nanoTime();
        this.thread = new Thread(() -> {
            int frame = 0;
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(100);
                    if (!paused) {
                        double s = (System.nanoTime() - start) / 1e9;
                        synchronized (err) {
                            err.print("\r" + FRAMES.charAt(frame++ % FRAMES.length()) + " " + this.task + "… "
                                    + String.format(Locale.ROOT, "%.1f s", s) + "\u001b[K");
                            err.flush();
                            drawn = true;
                        }
                    }
                }
            } catch (InterruptedException e) {
                // closed
            }
        }, "caro-spinner");
        thread.setDaemon(true);
    }

    /** Starts a spinner when standard error is a terminal; otherwise returns one that does nothing. */
    static Spinner start(CliEnvironment env, String task) {
        Spinner s = new Spinner(env.err(), task);
        if (env.stderrTerminal()) {
            s.started = true;
            s.thread.start();
        }
        return s;
    }

    /** Changes what the spinner says, e.g. from "generating" to "loading the model". */
    void task(String newTask) {
        this.task = newTask;
    }

    /** Stops drawing (and erases the line) while something else uses the terminal, e.g. a progress bar. */
    void pause(boolean pause) {
        this.paused = pause;
        if (pause) {
            clear();
        }
    }

    private void clear() {
        if (drawn) {
            synchronized (err) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }

    @Override
    public void close() {
        if (started) {
            thread.interrupt();
            try {
                thread.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            clear();
        }
    }
}
