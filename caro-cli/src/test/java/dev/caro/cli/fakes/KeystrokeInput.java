package dev.caro.cli.fakes;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard input as a terminal delivers it: keys typed ahead (before a question) are waiting and
 * show up in {@link #available()}; keys typed later arrive one keystroke at a time, and only the
 * rest of the keystroke being read counts as available (an escape sequence arrives in one burst).
 */
public final class KeystrokeInput extends InputStream {

    private final byte[] typeahead;
    private int aheadPos;
    private final List<byte[]> keys;
    private int key;
    private int keyPos;

    public KeystrokeInput(String typeahead, List<String> keys) {
        this.typeahead = typeahead.getBytes(StandardCharsets.UTF_8);
        this.keys = new ArrayList<>();
        for (String k : keys) {
            this.keys.add(k.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Splits text into keystrokes: one per character, an escape sequence ({@code ESC [ ... final}) as one. */
    public static List<String> keystrokes(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = i + Character.charCount(text.codePointAt(i));
            if (text.charAt(i) == 0x1b && end < text.length() && (text.charAt(end) == '[' || text.charAt(end) == 'O')) {
                end++;
                while (end < text.length() && (text.charAt(end) < 0x40 || text.charAt(end) > 0x7e)) {
                    end++;
                }
                end = Math.min(end + 1, text.length());
            }
            out.add(text.substring(i, end));
            i = end;
        }
        return out;
    }

    @Override
    public int read() {
        if (aheadPos < typeahead.length) {
            return typeahead[aheadPos++] & 0xff;
        }
        while (key < keys.size() && keyPos >= keys.get(key).length) {
            key++;
            keyPos = 0;
        }
        if (key >= keys.size()) {
            return -1;
        }
        return keys.get(key)[keyPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int c = read();
        if (c < 0) {
            return -1;
        }
        b[off] = (byte) c;
        return 1;
    }

    @Override
    public int available() {
        if (aheadPos < typeahead.length) {
            return typeahead.length - aheadPos;
        }
        // A keystroke not yet started has not been typed yet.
        return key < keys.size() && keyPos > 0 ? keys.get(key).length - keyPos : 0;
    }

    @Override
    public long skip(long n) {
        long skipped = 0;
        while (skipped < n && available() > 0) {
            read();
            skipped++;
        }
        return skipped;
    }
}
