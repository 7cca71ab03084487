package dev.caro.cli;

import sun.misc.Signal;

/**
 * While a command caro started runs in the foreground, Ctrl-C belongs to that command: the
 * terminal sends SIGINT to the whole process group, and caro must outlive the child to report its
 * exit code. A Java handler that does nothing (rather than SIG_IGN) keeps the child's own SIGINT
 * at its default, because caught signals are reset when the child program starts.
 */
final class InterruptShield implements AutoCloseable {

    private InterruptShield() {}

    /** Starts ignoring Ctrl-C in this JVM; a no-op where signals cannot be handled. */
    static InterruptShield ignoreInterrupts() {
        try {
            Signal.handle(new Signal("INT"), s -> { });
        } catch (IllegalArgumentException | LinkageError e) {
            // signals cannot be handled here (e.g. -Xrs); Ctrl-C then ends caro too
        }
        return new InterruptShield();
    }

    /**
     * Leaves the no-op handler in place. The JVM dispatches a signal on its own thread, looking up
     * the handler only then; the Ctrl-C that ended the child may still be pending when the child's
     * exit is seen, and restoring the default handler here would let it kill caro with 130 instead
     * of reporting the child's exit code (seen on a loaded machine). caro exits right after running a
     * command, so ignoring Ctrl-C for those last moments costs nothing.
     */
    @Override
    public void close() {
        // deliberately empty; see above
    }
}
