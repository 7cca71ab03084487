package dev.caro.cli;

import java.io.PrintWriter;

/**
 * The state and drawing of one editable line. Typing at the end only echoes the character, so
 * the common case writes plain text; any other edit redraws the line, across wrapped rows when the
 * terminal width is known.
 */
final class LineEditor {

    private final PrintWriter out;
    private final String prompt;
    private final int width;
    private final StringBuilder buf;
    private int pos;
    /** Columns from the start of the prompt to where the cursor was last drawn. */
    private int drawnCursor;

    LineEditor(PrintWriter out, String prompt, String prefill, int width) {
        this.out = out;
        this.prompt = prompt;
        this.width = width;
        this.buf = new StringBuilder(prefill);
        this.pos = buf.length();
    }

    String text() {
        return buf.toString();
    }

    void start() {
        out.print(prompt);
        out.print(buf);
        drawnCursor = prompt.length() + buf.length();
        out.flush();
    }

    void finish() {
        if (pos != buf.length()) {
            pos = buf.length();
            refresh();
        }
        out.println();
        out.flush();
    }

    void delete() {
        if (pos < buf.length()) {
            buf.deleteCharAt(pos);
            refresh();
        }
    }

    void key(int k) {
        switch (k) {
            case 127, 8 -> {
                if (pos > 0) {
                    buf.deleteCharAt(--pos);
                    refresh();
                }
            }
            case Keyboard.LEFT, 2 -> move(pos - 1);
            case Keyboard.RIGHT, 6 -> move(pos + 1);
            case Keyboard.HOME, 1 -> move(0);
            case Keyboard.END, 5 -> move(buf.length());
            case Keyboard.DELETE -> delete();
            case 11 -> { // Ctrl-K: delete to the end
                buf.setLength(pos);
                refresh();
            }
            case 21 -> { // Ctrl-U: delete to the start
                buf.delete(0, pos);
                pos = 0;
                refresh();
            }
            case 23 -> { // Ctrl-W: delete the word before the cursor
                int start = pos;
                while (start > 0 && buf.charAt(start - 1) == ' ') {
                    start--;
                }
                while (start > 0 && buf.charAt(start - 1) != ' ') {
                    start--;
                }
                buf.delete(start, pos);
                pos = start;
                refresh();
            }
            default -> {
                if (k >= ' ' && k != 127 && k < Keyboard.LEFT || k > Keyboard.OTHER) {
                    insert(k);
                }
            }
        }
        out.flush();
    }

    private void insert(int codePoint) {
        String s = new String(Character.toChars(codePoint));
        boolean atEnd = pos == buf.length();
        buf.insert(pos, s);
        pos += s.length();
        if (atEnd && (width == 0 || (prompt.length() + pos) % width != 0)) {
            out.print(s);
            drawnCursor = prompt.length() + pos;
        } else {
            refresh();
        }
    }

    private void move(int to) {
        int p = Math.max(0, Math.min(buf.length(), to));
        if (p != pos) {
            pos = p;
            refresh();
        }
    }

    /** Redraws prompt and text and puts the cursor at {@code pos}. */
    private void refresh() {
        StringBuilder s = new StringBuilder();
        if (width > 0) {
            int rowsUp = drawnCursor / width;
            if (rowsUp > 0) {
                s.append("\u001b[").append(rowsUp).append('A');
            }
            s.append('\r').append(prompt).append(buf).append("\u001b[J");
            int end = prompt.length() + buf.length();
            if (end > 0 && end % width == 0) {
                s.append('\n'); // leave the pending-wrap state so row arithmetic holds
            }
            int endRow = end / width;
            int cursor = prompt.length() + pos;
            int up = endRow - cursor / width;
            if (up > 0) {
                s.append("\u001b[").append(up).append('A');
            }
            s.append('\r');
            if (cursor % width > 0) {
                s.append("\u001b[").append(cursor % width).append('C');
            }
            drawnCursor = cursor;
        } else {
            s.append('\r').append(prompt).append(buf).append("\u001b[K");
            int back = buf.length() - pos;
            if (back > 0) {
                s.append("\u001b[").append(back).append('D');
            }
            drawnCursor = prompt.length() + pos;
        }
        out.print(s);
    }
}
