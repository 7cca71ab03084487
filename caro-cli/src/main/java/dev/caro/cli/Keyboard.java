package dev.caro.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Questions on the terminal: one-key answers and an editable line. Every question first switches
 * the terminal to raw input and throws away whatever was typed before it was asked, so a stray
 * Enter pressed while caro was thinking cannot answer it.
 */
final class Keyboard {

    static final int EOF = -1;
    static final int ENTER = '\n';
    static final int ESCAPE = 0x1b;
    static final int CTRL_C = 3;
    static final int CTRL_D = 4;
    // Special keys are mapped to code points of the private use area so they never clash with text.
    static final int LEFT = 0xE000;
    static final int RIGHT = 0xE001;
    static final int HOME = 0xE002;
    static final int END = 0xE003;
    static final int DELETE = 0xE004;
    static final int OTHER = 0xE0FF;

    private final InputStream in;
    private final PrintWriter echo;
    private final TerminalModes modes;

    Keyboard(CliEnvironment env) {
        this.in = env.in();
        this.echo = env.err();
        this.modes = env.terminal();
    }

    /**
     * Prints {@code question}, waits for one key and echoes it. Letters come back in lower case;
     * Enter, Escape, Ctrl-C, Ctrl-D and end of input as the constants of this class.
     */
    int key(String question) throws IOException {
        int k;
        try (TerminalModes.Restore raw = modes.raw()) {
            // Discard first, then ask: keys typed before the question was visible never answer it,
            // and keys typed once it is visible always count.
            discardPending();
            echo.print(question);
            echo.flush();
            k = readKey();
        }
        if (k >= 'A' && k <= 'Z') {
            k = Character.toLowerCase(k);
        }
        echo.println(k > ' ' && k < 0x7f ? String.valueOf((char) k) : "");
        echo.flush();
        return k == '\r' ? ENTER : k;
    }

    /**
     * Reads one line with {@code prefill} already typed, editable with the usual keys (arrows,
     * Home/End, Backspace/Delete, Ctrl-A/E/B/F/K/U/W). Empty when the user cancels with Ctrl-C,
     * Escape, Ctrl-D on an empty line, or input ends.
     */
    Optional<String> line(String prompt, String prefill) throws IOException {
        LineEditor editor = new LineEditor(echo, prompt, prefill, modes.width());
        try (TerminalModes.Restore raw = modes.raw()) {
            discardPending();
            editor.start();
            while (true) {
                int k = readKey();
                switch (k) {
                    case EOF, CTRL_C, ESCAPE -> {
                        editor.finish();
                        return Optional.empty();
                    }
                    case '\r', '\n' -> {
                        editor.finish();
                        return Optional.of(editor.text());
                    }
                    case CTRL_D -> {
                        if (editor.text().isEmpty()) {
                            editor.finish();
                            return Optional.empty();
                        }
                        editor.delete();
                    }
                    default -> editor.key(k);
                }
            }
        }
    }

    /** Drops input that is already waiting: keys typed before the question was shown. */
    void discardPending() throws IOException {
        // read, not skip: skipping on a terminal fails with "Illegal seek"
        byte[] sink = new byte[256];
        int n;
        while ((n = in.available()) > 0) {
            if (in.read(sink, 0, Math.min(n, sink.length)) < 0) {
                return;
            }
        }
    }

    /** One key: a character (UTF-8 decoded), a control code, or one of the special-key constants. */
    int readKey() throws IOException {
        int b = in.read();
        if (b < 0) {
            return EOF;
        }
        if (b == ESCAPE) {
            // An escape sequence arrives in one burst; a lone Escape key has nothing after it.
            if (in.available() == 0) {
                return ESCAPE;
            }
            return escapeSequence();
        }
        if (b < 0x80) {
            return b;
        }
        int extra = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
        byte[] bytes = new byte[extra + 1];
        bytes[0] = (byte) b;
        for (int i = 1; i <= extra; i++) {
            int c = in.read();
            if (c < 0) {
                return EOF;
            }
            bytes[i] = (byte) c;
        }
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8).codePointAt(0);
    }

    private int escapeSequence() throws IOException {
        int intro = in.read();
        if (intro != '[' && intro != 'O') {
            return OTHER;
        }
        StringBuilder params = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && (c < 0x40 || c > 0x7e)) {
            params.append((char) c);
        }
        return switch (c) {
            case 'D' -> LEFT;
            case 'C' -> RIGHT;
            case 'H' -> HOME;
            case 'F' -> END;
            case '~' -> switch (params.toString()) {
                case "1", "7" -> HOME;
                case "4", "8" -> END;
                case "3" -> DELETE;
                default -> OTHER;
            };
            default -> OTHER;
        };
    }
}
