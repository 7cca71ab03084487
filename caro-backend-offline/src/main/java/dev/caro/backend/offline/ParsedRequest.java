package dev.caro.backend.offline;

import java.util.List;
import java.util.Locale;

/**
 * A request ready for matching.
 *
 * @param text the normalized request, original case, quoted strings replaced by {@code «n»}
 * @param lower {@code text} in lower case, character for character (same offsets)
 * @param quotes the quoted strings
 * @param slots the generic slots found in {@code text}
 * @param corrected whether typos were corrected
 */
record ParsedRequest(String text, String lower, List<String> quotes, List<Slot> slots, boolean corrected) {

    static ParsedRequest of(TextNormalizer.Normalized n) {
        StringBuilder lower = new StringBuilder(n.text().length());
        for (int i = 0; i < n.text().length(); i++) {
            lower.append(Character.toLowerCase(n.text().charAt(i)));
        }
        return new ParsedRequest(n.text(), lower.toString(), n.quotes(),
                SlotExtractor.extract(n.text(), n.quotes()), n.corrected());
    }

    /** Replaces {@code «n»} markers in a piece of the request by the quoted text. */
    String unquote(String piece) {
        String s = piece;
        for (int i = 0; i < quotes.size(); i++) {
            s = s.replace("«" + i + "»", quotes.get(i));
        }
        return s;
    }

    /**
     * The text with URLs and phrases asking to suppress errors blanked out, so that words inside a URL do
     * not count as words of the request ({@code unless} patterns are checked against it).
     */
    String maskedText() {
        StringBuilder sb = new StringBuilder(text);
        for (Slot s : slots) {
            if (s.kind() == Slot.Kind.URL) {
                for (int i = s.start(); i < s.end(); i++) {
                    sb.setCharAt(i, '_');
                }
            }
        }
        for (int[] q : QuietErrors.spans(lower())) {
            for (int i = q[0]; i < q[1]; i++) {
                sb.setCharAt(i, '_'); // "hide the permission denied errors" is not about permissions
            }
        }
        return sb.toString();
    }

    boolean mentions(String regex) {
        return java.util.regex.Pattern.compile(regex).matcher(lower).find();
    }

    @Override
    public String toString() {
        return text.toLowerCase(Locale.ROOT) + " " + slots;
    }
}
