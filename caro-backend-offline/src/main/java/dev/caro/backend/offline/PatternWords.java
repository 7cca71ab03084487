package dev.caro.backend.offline;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The whole words a catalog pattern can match, for typo correction: {@code \bannotat(?:ed|e)\b}
 * names "annotated" and "annotate", {@code files?} names "file" and "files",
 * {@code what'?s} names "whats" and "what"; the stem "annotat" is not a word.
 *
 * <p>The pattern is read as literal letters combined by groups, alternation and {@code ?}.
 * Spaces, punctuation, {@code .}, {@code \s}, {@code \b} and anchors separate words; letters the
 * pattern does not spell out ({@code \w}, {@code \d}, a class such as {@code [a-z]}, a repeated
 * letter) spoil the word they touch ({@code preserv\w*} names no word). The words inside a
 * lookaround count too. Only words of four or more letters a-z are kept; a run of letters that
 * touches a digit or an underscore ({@code md5sum}, {@code files_x}) is no word.
 */
final class PatternWords {

    /** More joined variants than this in one part of a pattern: the rest are dropped (never seen in the catalog). */
    private static final int LIMIT = 512;

    private final String p;
    private int i;
    private final Set<String> found = new LinkedHashSet<>();

    private PatternWords(String pattern) {
        this.p = pattern;
    }

    /** Adds the words {@code pattern} can match to {@code out}. */
    static void addTo(String pattern, Set<String> out) {
        PatternWords reader = new PatternWords(pattern);
        Part all = reader.alternation();
        while (reader.i < reader.p.length()) { // an unmatched ')': read on
            reader.i++;
            all = all.then(Part.BREAK).then(reader.alternation());
        }
        reader.keep(all.whole);
        reader.keep(all.heads);
        reader.keep(all.tails);
        reader.keep(all.words);
        for (String w : reader.found) {
            if (w.length() >= 4 && w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                out.add(w);
            }
        }
    }

    private void keep(Set<String> words) {
        found.addAll(words);
    }

    private Part alternation() {
        Part result = sequence();
        while (i < p.length() && p.charAt(i) == '|') {
            i++;
            result = result.or(sequence());
        }
        return result;
    }

    private Part sequence() {
        Part result = Part.EMPTY;
        while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
            Part atom = atom();
            if (i < p.length() && p.charAt(i) == '?') {
                i++;
                atom = atom.or(Part.EMPTY);
                skipLazyOrPossessive();
            } else if (i < p.length() && (p.charAt(i) == '*' || p.charAt(i) == '+' || p.charAt(i) == '{')) {
                if (p.charAt(i) == '{') {
                    int close = p.indexOf('}', i);
                    i = close < 0 ? p.length() : close + 1;
                } else {
                    i++;
                }
                skipLazyOrPossessive();
                keep(atom.words);
                // repeated letters spell no word: "preserv" in preserv\\w* is a stem
                atom = atom.whole.stream().anyMatch(w -> !w.isEmpty()) ? Part.ANY_LETTERS : Part.BREAK;
            }
            result = result.then(atom);
        }
        return result;
    }

    private void skipLazyOrPossessive() {
        if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
            i++;
        }
    }

    private Part atom() {
        char c = p.charAt(i);
        if (c == '(') {
            return group();
        }
        if (c == '[') {
            return charClass();
        }
        if (c == '\\') {
            i += 2;
            char e = p.charAt(i - 1 < p.length() ? i - 1 : p.length() - 1);
            if (e == 'w' || e == 'W' || e == 'S' || e == 'd' || e == 'D') {
                return Part.ANY_LETTERS;
            }
            if (i - 1 < p.length() && (p.charAt(i - 1) == 'p' || p.charAt(i - 1) == 'P')
                    && i < p.length() && p.charAt(i) == '{') {
                int close = p.indexOf('}', i);
                i = close < 0 ? p.length() : close + 1;
            }
            return Part.BREAK;
        }
        i++;
        return Character.isLetterOrDigit(c) || c == '_' ? Part.letter(c) : Part.BREAK;
    }

    private Part group() {
        i++; // (
        boolean lookaround = false;
        if (p.startsWith("?", i)) {
            if (p.startsWith("?<", i) && i + 2 < p.length() && Character.isLetter(p.charAt(i + 2))) {
                i = p.indexOf('>', i) + 1; // a named group
            } else if (p.startsWith("?:", i)) {
                i += 2;
            } else if (p.startsWith("?=", i) || p.startsWith("?!", i)) {
                i += 2;
                lookaround = true;
            } else if (p.startsWith("?<=", i) || p.startsWith("?<!", i)) {
                i += 3;
                lookaround = true;
            } else { // flags: (?i) or (?-i:...)
                i++;
                while (i < p.length() && (Character.isLetter(p.charAt(i)) || p.charAt(i) == '-')) {
                    i++;
                }
                if (i < p.length() && p.charAt(i) == ')') {
                    i++;
                    return Part.EMPTY;
                }
                i++; // :
            }
        }
        Part inner = alternation();
        if (i < p.length()) {
            i++; // )
        }
        if (lookaround) {
            keep(inner.whole);
            keep(inner.heads);
            keep(inner.tails);
            keep(inner.words);
            return Part.EMPTY.or(Part.BREAK);
        }
        return inner;
    }

    /** A class of plain letters ({@code [sz]}) is a choice of letters; any other class separates words. */
    private Part charClass() {
        int start = ++i;
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        while (i < p.length() && p.charAt(i) != ']') {
            i += p.charAt(i) == '\\' ? 2 : 1;
        }
        String body = p.substring(start, Math.min(i, p.length()));
        i++;
        if (body.isEmpty() || !body.chars().allMatch(Character::isLetter)) {
            // [a-z], [^/], [\\w.-]: letters of any kind, no word this pattern spells out
            boolean letters = body.startsWith("^") || body.chars().anyMatch(Character::isLetterOrDigit);
            return letters ? Part.ANY_LETTERS : Part.BREAK;
        }
        Part result = null;
        for (char c : body.toCharArray()) {
            result = result == null ? Part.letter(c) : result.or(Part.letter(c));
        }
        return result;
    }

    /**
     * What a part of a pattern can match, as far as words go.
     *
     * @param whole the texts of letters it can match with no separator (empty text included)
     * @param heads for matches with a separator: the letters before the first one
     * @param tails for matches with a separator: the letters after the last one
     * @param words whole words between two separators
     */
    private record Part(Set<String> whole, Set<String> heads, Set<String> tails, Set<String> words) {

        static final Part EMPTY = new Part(Set.of(""), Set.of(), Set.of(), Set.of());
        static final Part BREAK = new Part(Set.of(), Set.of(""), Set.of(""), Set.of());
        /** Letters the pattern does not spell out (a class, {@code \\w}): spoils the word they touch. */
        static final Part ANY_LETTERS = new Part(Set.of("#"), Set.of(), Set.of(), Set.of());

        static Part letter(char c) {
            return new Part(Set.of(String.valueOf(Character.toLowerCase(c))), Set.of(), Set.of(), Set.of());
        }

        Part then(Part next) {
            Set<String> words = union(this.words, next.words);
            words.addAll(concat(tails, next.heads));
            return new Part(concat(whole, next.whole), union(heads, concat(whole, next.heads)),
                    union(next.tails, concat(tails, next.whole)), words);
        }

        Part or(Part other) {
            return new Part(union(whole, other.whole), union(heads, other.heads), union(tails, other.tails),
                    union(words, other.words));
        }

        private static Set<String> union(Set<String> a, Set<String> b) {
            Set<String> out = new LinkedHashSet<>(a);
            out.addAll(b);
            return out;
        }

        private static Set<String> concat(Set<String> a, Set<String> b) {
            Set<String> out = new LinkedHashSet<>();
            for (String x : a) {
                for (String y : b) {
                    if (out.size() >= LIMIT) {
                        return out;
                    }
                    out.add(x + y);
                }
            }
            return out;
        }
    }
}
