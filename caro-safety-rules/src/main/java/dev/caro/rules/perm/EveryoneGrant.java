package dev.caro.rules.perm;

import dev.caro.rules.internal.LazyPattern;
import java.util.regex.Matcher;

/**
 * Whether an {@code icacls}/{@code cacls} argument line grants everyone (or all users, guests)
 * full, modify or write access: a principal, then {@code :}, then an {@code F}, {@code M} or
 * {@code W} later on the line, as in {@code /grant Everyone:(OI)(CI)F}.
 *
 * <p>Exactly what {@code (everyone|...)[^:]*:\S*\b?\(?[^)]*\)?.*(f|m|w)\)?} finds, case-insensitive,
 * but in linear time: that expression's four overlapping repetitions took seconds on a 2,000
 * character line with no F, M or W (it tries every split of the text between them). Here, for each
 * principal, the first {@code :} after it and the first F/M/W after that decide; the text between
 * may cross a line break only inside the {@code [^)]*} part, so no {@code )} may lie between the
 * end of the first word after the colon and the last line break.
 */
final class EveryoneGrant {

    private static final LazyPattern PRINCIPAL = LazyPattern.of(
            "(?i)everyone|\\*?s-1-1-0|users|authenticated users|builtin\\\\users|guest");

    private EveryoneGrant() {}

    static boolean in(String line) {
        int n = line.length();
        int[] nextColon = new int[n + 1];
        int[] nextGrant = new int[n + 1];
        int[] nextSpace = new int[n + 1];
        nextColon[n] = nextGrant[n] = nextSpace[n] = n;
        for (int i = n - 1; i >= 0; i--) {
            char c = line.charAt(i);
            nextColon[i] = c == ':' ? i : nextColon[i + 1];
            nextGrant[i] = isGrantLetter(c) ? i : nextGrant[i + 1];
            nextSpace[i] = isSpace(c) ? i : nextSpace[i + 1];
        }
        int[] lastBreak = new int[n + 1]; // the last line break before index i, or -1
        int[] lastClose = new int[n + 1]; // the last ')' before index i, or -1
        lastBreak[0] = lastClose[0] = -1;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            lastBreak[i + 1] = isLineBreak(c) ? i : lastBreak[i];
            lastClose[i + 1] = c == ')' ? i : lastClose[i];
        }
        Matcher principal = PRINCIPAL.matcher(line);
        int from = 0;
        while (from <= n && principal.find(from)) {
            from = principal.start() + 1; // overlapping principals end at different places
            int colon = nextColon[principal.end()];
            if (colon >= n) {
                continue;
            }
            int start = colon + 1;
            int grant = nextGrant[start];
            if (grant >= n) {
                continue;
            }
            int lineBreak = lastBreak[grant];
            int wordEnd = Math.min(nextSpace[start], grant);
            if (lineBreak < start || lineBreak < wordEnd || lastClose[lineBreak + 1] < wordEnd) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGrantLetter(char c) {
        return c == 'f' || c == 'F' || c == 'm' || c == 'M' || c == 'w' || c == 'W';
    }

    /** {@code \s}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** What {@code .} does not match. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
