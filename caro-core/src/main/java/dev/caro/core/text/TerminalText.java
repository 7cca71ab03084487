package dev.caro.core.text;

/**
 * Makes untrusted text (model output, plugin output, user input echoed back) safe to print on a
 * terminal: escape sequences and other control characters are shown as visible {@code \xNN} or
 * {@code \\uNNNN} codes, so they cannot move the cursor, retitle the window or fake output.
 */
public final class TerminalText {

    private TerminalText() {}

    /** Neutralizes control characters; keeps newlines only when {@code keepNewlines}. */
    public static String sanitize(String text, boolean keepNewlines) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && !(keepNewlines && c == '\n'))
                    || c == 0x7f || (c >= 0x80 && c <= 0x9f)
                    || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            if (control) {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                sb.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Whether {@code text} holds characters {@link #sanitize} would change (newlines excluded). */
    public static boolean hasControlCharacters(String text) {
        return !sanitize(text, true).equals(text);
    }
}
