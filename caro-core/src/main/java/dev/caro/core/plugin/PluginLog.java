package dev.caro.core.plugin;

import java.io.PrintStream;

/**
 * Switch for the plugin host's diagnostic output (PF4J logs through SLF4J). Silent by default:
 * caro prints nothing it was not asked for; {@code -v} turns it on, on standard error.
 */
public final class PluginLog {

    private static volatile boolean verbose;
    private static volatile PrintStream out = System.err;

    private PluginLog() {}

    /** Turns diagnostic output on or off. */
    public static void verbose(boolean on) {
        verbose = on;
    }

    public static boolean verbose() {
        return verbose;
    }

    /** Where diagnostics go when verbose; standard error unless a test redirects it. */
    public static void redirect(PrintStream stream) {
        out = stream == null ? System.err : stream;
    }

    static void print(String level, String message, Throwable error) {
        if (!verbose) {
            return;
        }
        PrintStream s = out;
        s.println("caro: plugins: " + level + ": " + message);
        if (error != null) {
            s.println("caro: plugins:   " + error);
        }
    }
}
