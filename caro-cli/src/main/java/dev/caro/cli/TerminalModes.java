package dev.caro.cli;

/**
 * Switches the user's terminal between line mode and raw key-at-a-time input. The real process
 * uses {@link SttyTerminal}; in-process runs (tests, embedding) use {@link #NONE}.
 */
public interface TerminalModes {

    /** No terminal to switch: input is whatever the stream delivers, width unknown. */
    TerminalModes NONE = new TerminalModes() {
        @Override
        public Restore raw() {
            return () -> {};
        }

        @Override
        public int width() {
            return 0;
        }
    };

    /** Raw input: no line buffering, no echo, Ctrl-C arrives as a key. Closing restores the mode. */
    Restore raw();

    /** The terminal's width in columns, or 0 when unknown. */
    int width();

    /** Undoes a mode change; never throws. */
    interface Restore extends AutoCloseable {
        @Override
        void close();
    }
}
