package dev.caro.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a command caro started runs in the foreground, Ctrl-C belongs to that command: the
 * terminal sends SIGINT to the whole process group, and caro must outlive the child to report its
 * exit code. A Java handler that does nothing (rather than SIG_IGN) keeps the child's own SIGINT
 * at its default, because caught signals are reset when the child program starts.
 */
final class InterruptShield implements AutoCloseable {

    private final Signal signal;
    private final SignalHandler previous;

    private InterruptShield(Signal signal, SignalHandler previous) {
        this.signal = signal;
        this.previous = previous;
    }

    /** Starts ignoring Ctrl-C in this JVM; a no-op where signals cannot be handled. */
    static InterruptShield ignoreInterrupts() {
        try {
            Signal sig = new Signal("INT");
            SignalHandler previous = Signal.handle(sig, s -> { });
            return new InterruptShield(sig, previous);
        } catch (IllegalArgumentException | LinkageError e) {
            return new InterruptShield(null, null);
        }
    }

    @Override
    public void close() {
        if (signal != null) {
            try {
                Signal.handle(signal, previous);
            } catch (IllegalArgumentException e) {
                // cannot restore: the JVM keeps ignoring Ctrl-C for the few moments until caro exits
            }
        }
    }
}
